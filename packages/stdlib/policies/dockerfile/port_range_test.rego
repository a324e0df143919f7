package palisade.dockerfile.port_range_test

import rego.v1

import data.palisade.dockerfile.port_range as policy
import data.palisade.lib.testing.dockerfile as df

test_port_too_high_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "EXPOSE 80 70000"])
	r.msg == `stage 0 (alpine:3.20) exposes invalid port "70000" (ports range from 0 to 65535)`
}

test_bad_range_and_text_denied if {
	count(policy.deny) == 3 with input as df.dockerfile(["FROM alpine:3.20", "EXPOSE 9000-65536 90-80 http"])
}

test_bad_protocol_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "EXPOSE 53/icmp"])
}

test_valid_ports_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "EXPOSE 0 80/tcp 53/UDP 8000-8010 65535 ${PORT}"])
}
