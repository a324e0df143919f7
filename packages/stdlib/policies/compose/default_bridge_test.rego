package palisade.compose.default_bridge_test

import rego.v1

import data.palisade.compose.default_bridge as policy

test_no_networks_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres:16"}}}
	r.msg == `service "db" declares no networks and joins the default network`
}

test_bridge_mode_denied if {
	some r in policy.deny with input as {"services": {"db": {"network_mode": "bridge"}}}
	r.path == ["services", "db", "network_mode"]
}

test_empty_networks_denied if {
	count(policy.deny) == 1 with input as {"services": {"db": {"networks": []}}}
}

test_explicit_networks_pass if {
	inp := {"services": {"a": {"networks": ["backend"]}, "b": {"networks": {"backend": {"aliases": ["db"]}}}, "c": {"network_mode": "none"}, "d": {"network_mode": "service:a"}}}
	count(policy.deny) == 0 with input as inp
}
