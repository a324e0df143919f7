package palisade.compose.privileged_host_port_test

import rego.v1

import data.palisade.compose.privileged_host_port as policy

test_port_80_denied if {
	some r in policy.deny with input as {"services": {"web": {"ports": ["127.0.0.1:80:8080"]}}}
	r.msg == `service "web" publishes privileged host port 80`
}

test_range_and_long_syntax_denied if {
	inp := {"services": {"a": {"ports": ["1000-1030:1000-1030", {"target": 443, "published": 443}]}}}
	count(policy.deny) == 2 with input as inp
}

test_high_or_random_ports_pass if {
	inp := {"services": {"a": {"ports": ["8080:80", "80", "${PORT}:80", {"target": 443}]}}}
	count(policy.deny) == 0 with input as inp
}
