FROM --platform=linux/amd64 alpine:3.20 AS base
COPY --chown=10001:10001 --chmod=0644 --link config/ /etc/app/
COPY --from=base --exclude=*.md / /rootfs/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
ADD --keep-git-dir=true https://github.com/example/repo.git#v1.2.3 /src
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc --network=none --security=insecure npm ci
RUN --mount=type=bind,source=.,target=/src --unknown-flag=1 make -C /src
RUN --mount="type=cache,target=/var/cache/apk" apk add curl
COPY ["a b.txt", "c.txt", "/dest/"]
VOLUME ["/data", "/logs"]
VOLUME /cache /tmp/x
