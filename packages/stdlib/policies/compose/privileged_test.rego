package palisade.compose.privileged_test

import rego.v1

import data.palisade.compose.privileged as policy

test_privileged_denied if {
	some r in policy.deny with input as {"services": {"admin": {"image": "x:1", "privileged": true}}}
	r.msg == `service "admin" runs privileged`
	r.path == ["services", "admin", "privileged"]
}

test_unprivileged_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"privileged": false}, "b": {"image": "x:1"}, "c": null}}
}

test_no_services if {
	count(policy.deny) == 0 with input as {"version": "3"}
}
