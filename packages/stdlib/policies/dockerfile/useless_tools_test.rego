package palisade.dockerfile.useless_tools_test

import rego.v1

import data.palisade.dockerfile.useless_tools as policy
import data.palisade.lib.testing.dockerfile as df

test_service_call_denied if {
	some r in policy.warn with input as df.dockerfile(["FROM debian:12", "RUN service nginx start"])
	r.msg == "stage 0 (debian:12) runs service, which has no use in a container build"
}

test_install_denied if {
	inp := df.dockerfile(["FROM debian:12", "RUN apt-get install -y openssh-server=1:9.2 vim curl"])
	res := policy.warn with input as inp
	count(res) == 2
	some r in res
	r.msg == "stage 0 (debian:12) installs openssh-server=1:9.2, which does not belong in a container image"
}

test_build_stage_ignored if {
	count(policy.warn) == 0 with input as df.dockerfile(["FROM debian:12 AS b", "RUN apt-get install -y vim", "FROM debian:12"])
}

test_normal_commands_pass if {
	count(policy.warn) == 0 with input as df.dockerfile(["FROM debian:12", "RUN apt-get install -y curl && echo vim && psql --version"])
}
