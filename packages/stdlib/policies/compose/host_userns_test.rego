package palisade.compose.host_userns_test

import rego.v1

import data.palisade.compose.host_userns as policy

test_host_denied if {
	some r in policy.deny with input as {"services": {"app": {"image": "x:1", "userns_mode": "host"}}}
	r.msg == `service "app" sets userns_mode: host`
	r.path == ["services", "app", "userns_mode"]
}

test_other_values_pass if {
	count(policy.deny) == 0 with input as {"services": {"a": {"userns_mode": "host_userns0"}, "b": {"image": "x:1"}, "c": {"userns_mode": null}}}
}
