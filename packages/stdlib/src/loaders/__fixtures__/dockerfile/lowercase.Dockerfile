from alpine:3.20 as base
run apk add --no-cache curl
From base AS final
Copy --from=base /usr/bin/curl /usr/bin/curl
entrypoint ["curl"]
