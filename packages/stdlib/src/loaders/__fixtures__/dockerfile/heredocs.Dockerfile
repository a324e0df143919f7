# syntax=docker/dockerfile:1.4
FROM debian:bookworm-slim
RUN <<EOF
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN <<-INDENTED
	set -eux
	echo "tabs are stripped"
	INDENTED
COPY <<"CONF" /etc/app/app.conf
listen = ${PORT}
CONF
RUN cat <<A > /a.txt && cat <<'B' > /b.txt
first file
A
second $HOME kept
B
RUN <<SCRIPT
#!/usr/bin/env python3
print("hello")
SCRIPT
RUN ["echo", "<<NOTAHEREDOC"]
CMD ["bash"]
