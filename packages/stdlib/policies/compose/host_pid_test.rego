package palisade.compose.host_pid_test

import rego.v1

import data.palisade.compose.host_pid as policy

test_host_denied if {
	some r in policy.deny with input as {"services": {"app": {"image": "x:1", "pid": "host"}}}
	r.msg == `service "app" sets pid: host`
	r.path == ["services", "app", "pid"]
}

test_other_values_pass if {
	count(policy.deny) == 0 with input as {"services": {"a": {"pid": "host_pid0"}, "b": {"image": "x:1"}, "c": {"pid": null}}}
}
