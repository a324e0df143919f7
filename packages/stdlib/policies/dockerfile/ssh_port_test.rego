package palisade.dockerfile.ssh_port_test

import rego.v1

import data.palisade.dockerfile.ssh_port as policy
import data.palisade.lib.testing.dockerfile as df

test_port_22_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "EXPOSE 80 22/tcp"])
	r.msg == `stage 0 (alpine:3.20) exposes SSH port 22 ("22/tcp")`
	r.cause.Cmd == "expose"
}

test_range_with_22_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "EXPOSE 20-30"])
}

test_other_ports_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "EXPOSE 2222 8022 ${PORT}"])
}

test_build_stage_ignored if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20 AS b", "EXPOSE 22", "FROM alpine:3.20"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20 AS b", "EXPOSE 22", "FROM b"])
}
