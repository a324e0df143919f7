package palisade.kubernetes.env_dup_test

import rego.v1

import data.palisade.kubernetes.env_dup as check

pod(env) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "env": env}]}}

test_duplicate_denied if {
	some r in check.deny with input as pod([{"name": "A", "value": "1"}, {"name": "B"}, {"name": "A", "value": "2"}])
	r.msg == `Pod "p": container "a" defines environment variable A 2 times`
	count(check.deny) == 1 with input as pod([{"name": "A"}, {"name": "A"}, {"name": "A"}])
}

test_unique_allowed if {
	count(check.deny) == 0 with input as pod([{"name": "A"}, {"name": "B"}])
	count(check.deny) == 0 with input as pod(null)
}
