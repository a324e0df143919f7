package palisade.dockerfile.curl_pipe_shell_test

import rego.v1

import data.palisade.dockerfile.curl_pipe_shell as policy
import data.palisade.lib.testing.dockerfile as df

test_curl_pipe_sh_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN curl -fsSL https://get.example.com/install.sh | sh"])
	r.msg == "stage 0 (debian:12) pipes a curl download into sh"
}

test_wget_pipe_sudo_bash_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN wget -qO- https://x/i.sh | sudo -E bash -s -- --yes"])
}

test_substitution_denied if {
	inp := df.dockerfile(["FROM debian:12", "RUN bash <(curl -s https://x/i.sh)", `RUN sh -c "$(wget -O- https://x/i.sh)"`])
	count(policy.deny) == 2 with input as inp
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN sh -c \"\u0060curl -s https://x/i.sh\u0060\""])
}

test_download_then_verify_passes if {
	inp := df.dockerfile([
		"FROM debian:12",
		"RUN curl -fsSLo /tmp/i.sh https://x/i.sh && echo 'abc  /tmp/i.sh' | sha256sum -c - && sh /tmp/i.sh",
		"RUN curl -fsSL https://x/a.tgz | tar -xz -C /opt",
	])
	count(policy.deny) == 0 with input as inp
}
