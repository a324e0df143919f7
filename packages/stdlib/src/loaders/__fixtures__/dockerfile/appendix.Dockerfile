ARG GO_VERSION=1.22
# build stage
FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache/go-build \
    go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
USER nonroot:nonroot
EXPOSE 8080
ENV APP_ENV=prod LOG_LEVEL=info
HEALTHCHECK --interval=30s CMD ["/app","healthcheck"]
ENTRYPOINT ["/app"]
