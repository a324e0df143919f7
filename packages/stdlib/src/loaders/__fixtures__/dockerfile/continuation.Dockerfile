FROM alpine:3.20
# install packages
RUN apk add --no-cache \
    # the TLS bundle
    ca-certificates \

    tzdata \    
    && echo done
RUN echo one \
  && echo two
    # indented comment between instructions
ENV PATH=/opt/bin:$PATH \
    LANG=C.UTF-8
#
#
USER 1000
