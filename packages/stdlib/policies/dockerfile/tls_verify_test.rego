package palisade.dockerfile.tls_verify_test

import rego.v1

import data.palisade.dockerfile.tls_verify as policy
import data.palisade.lib.testing.dockerfile as df

test_curl_insecure_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "RUN curl -fsSLk https://x/i.sh -o /tmp/i.sh"])
	r.msg == "stage 0 (alpine:3.20) disables TLS verification (curl -k/--insecure)"
	r.cause.Cmd == "run"
}

test_each_tool_denied if {
	inp := df.dockerfile([
		"FROM x:1",
		"RUN wget --no-check-certificate https://x/a",
		"RUN pip install --trusted-host pypi.example.com flask==3.0",
		"RUN npm config set strict-ssl false",
		"RUN git config --global http.sslVerify false",
		`RUN echo "sslverify=false" >> /etc/yum.conf`,
		"RUN apt-get -o Acquire::https::Verify-Peer=false update",
		"RUN curl --insecure https://x",
	])
	count(policy.deny) == 7 with input as inp
}

test_env_assignments_denied if {
	inp := df.dockerfile([
		"FROM x:1",
		"ENV NODE_TLS_REJECT_UNAUTHORIZED=0 PYTHONHTTPSVERIFY=0",
		"ENV GIT_SSL_NO_VERIFY=1",
		"ENV PIP_TRUSTED_HOST=pypi.example.com npm_config_strict_ssl=false",
		"RUN GIT_SSL_NO_VERIFY=true git clone https://x/y",
	])
	count(policy.deny) == 6 with input as inp
}

test_secure_commands_pass if {
	inp := df.dockerfile([
		"FROM x:1",
		"ENV NODE_TLS_REJECT_UNAUTHORIZED=1 GIT_SSL_NO_VERIFY=0",
		"RUN curl -fsSL -K config https://x && wget -q https://y",
		"RUN pip install --index-url https://pypi.example.com/simple flask==3.0",
		"RUN npm config set strict-ssl true && git config http.sslVerify true",
	])
	count(policy.deny) == 0 with input as inp
}
