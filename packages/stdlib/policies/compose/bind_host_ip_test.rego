package palisade.compose.bind_host_ip_test

import rego.v1

import data.palisade.compose.bind_host_ip as policy

test_no_host_ip_denied if {
	some r in policy.deny with input as {"services": {"db": {"ports": ["5432:5432"]}}}
	r.msg == `service "db" publishes port 5432:5432 on all host interfaces`
	r.path == ["services", "db", "ports", 0]
}

test_wildcard_and_container_only_denied if {
	inp := {"services": {"a": {"ports": ["0.0.0.0:80:80", 9000, {"target": 443, "published": 443}]}}}
	count(policy.deny) == 3 with input as inp
}

test_specific_ip_passes if {
	inp := {"services": {"a": {"ports": ["127.0.0.1:8080:8080", "[::1]:53:53/udp", {"target": 80, "published": 8080, "host_ip": "10.0.0.5"}], "expose": ["3000"]}}}
	count(policy.deny) == 0 with input as inp
}
