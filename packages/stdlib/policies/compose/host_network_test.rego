package palisade.compose.host_network_test

import rego.v1

import data.palisade.compose.host_network as policy

test_host_denied if {
	some r in policy.deny with input as {"services": {"app": {"image": "x:1", "network_mode": "host"}}}
	r.msg == `service "app" sets network_mode: host`
	r.path == ["services", "app", "network_mode"]
}

test_other_values_pass if {
	count(policy.deny) == 0 with input as {"services": {"a": {"network_mode": "host_network0"}, "b": {"image": "x:1"}, "c": {"network_mode": null}}}
}
