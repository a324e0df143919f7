package palisade.compose.cgroup_parent_test

import rego.v1

import data.palisade.compose.cgroup_parent as policy

test_cgroup_parent_denied if {
	some r in policy.deny with input as {"services": {"a": {"cgroup_parent": "m-executor-abcd"}}}
	r.msg == `service "a" sets cgroup_parent "m-executor-abcd"`
}

test_unset_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"image": "x:1"}, "b": {"cgroup_parent": ""}}}
}
