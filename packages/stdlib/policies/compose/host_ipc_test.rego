package palisade.compose.host_ipc_test

import rego.v1

import data.palisade.compose.host_ipc as policy

test_host_denied if {
	some r in policy.deny with input as {"services": {"app": {"image": "x:1", "ipc": "host"}}}
	r.msg == `service "app" sets ipc: host`
	r.path == ["services", "app", "ipc"]
}

test_other_values_pass if {
	count(policy.deny) == 0 with input as {"services": {"a": {"ipc": "host_ipc0"}, "b": {"image": "x:1"}, "c": {"ipc": null}}}
}
