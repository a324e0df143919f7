package palisade.compose.host_uts_test

import rego.v1

import data.palisade.compose.host_uts as policy

test_host_denied if {
	some r in policy.deny with input as {"services": {"app": {"image": "x:1", "uts": "host"}}}
	r.msg == `service "app" sets uts: host`
	r.path == ["services", "app", "uts"]
}

test_other_values_pass if {
	count(policy.deny) == 0 with input as {"services": {"a": {"uts": "host_uts0"}, "b": {"image": "x:1"}, "c": {"uts": null}}}
}
