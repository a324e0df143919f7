package palisade.dockerfile.no_sudo_test

import rego.v1

import data.palisade.dockerfile.no_sudo as policy
import data.palisade.lib.testing.dockerfile as df

test_sudo_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "RUN cd /app && sudo make install"])
	r.msg == "stage 0 (alpine:3.20) runs sudo in RUN"
}

test_sudo_with_path_and_env_prefix_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "RUN DEBIAN_FRONTEND=noninteractive /usr/bin/sudo apt-get update"])
}

test_sudo_as_argument_passes if {
	inp := df.dockerfile(["FROM alpine:3.20", "RUN apk add --no-cache curl && echo sudo && grep sudo /etc/group"])
	count(policy.deny) == 0 with input as inp
}
