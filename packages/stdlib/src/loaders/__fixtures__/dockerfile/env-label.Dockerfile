FROM busybox
ENV LEGACY value with spaces
ENV A=1 B="two words" C=three\ words
ENV D=
LABEL maintainer="ops@example.com" \
      org.opencontainers.image.version=1.0.0 \
      "com.example.quoted key"=yes
ARG VERSION
ARG USER=app GROUP=app
