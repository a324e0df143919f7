# syntax=docker/dockerfile:1
# Palisade's own image: `docker run --rm -v "$PWD:/src:ro" palisade scan /src`.
# Build stage: the workspace is built and packed with the same commands as a release, then the three
# tarballs are installed (production dependencies only) into a self-contained /opt/palisade.
FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS build
WORKDIR /build
COPY . .
RUN npx --yes pnpm@12.4.2 install --frozen-lockfile \
 && mkdir /tarballs \
 && for p in engine stdlib cli; do npx --yes pnpm@12.4.2 --dir "packages/$p" pack --pack-destination /tarballs; done
WORKDIR /opt/palisade
RUN npm init -y >/dev/null \
 && npm install --omit=dev --no-audit --no-fund /tarballs/palisade-engine-*.tgz /tarballs/palisade-stdlib-*.tgz /tarballs/palisade-cli-*.tgz \
 && rm -rf /root/.npm /root/.cache

# Runtime stage: distroless Node.js (no shell, no package manager), as the unprivileged user.
# Nothing is written outside /tmp, so the container runs with `--read-only --tmpfs /tmp`.
FROM gcr.io/distroless/nodejs20-debian12:nonroot@sha256:2cd820156cf039c8b54ae2d2a97e424b6729070714de8707a6b79f20d56f6a9a
LABEL org.opencontainers.image.title="palisade" \
      org.opencontainers.image.description="Policy-as-code scanner for container security (Rego-compatible)" \
      org.opencontainers.image.source="https://github.com/palisade-dev/palisade" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /opt/palisade /opt/palisade
ENV NODE_ENV=production XDG_CACHE_HOME=/tmp/cache NO_UPDATE_NOTIFIER=1
USER 65532:65532
WORKDIR /src
# A one-shot CLI, not a service: there is nothing for a health check to probe.
# palisade:ignore DF-017 one-shot CLI image; no long-running process to probe
HEALTHCHECK NONE
ENTRYPOINT ["/nodejs/bin/node", "/opt/palisade/node_modules/@palisade/cli/dist/main.js"]
CMD ["--help"]
