package palisade.kubernetes.memory_request_test

import rego.v1

import data.palisade.kubernetes.memory_request as check

pod(resources) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "resources": resources}]}}

test_missing_denied if {
	some r in check.deny with input as pod({})
	r.msg == `Pod "p": container "a" has no memory request`
	count(check.deny) == 1 with input as pod(null)
	count(check.deny) == 1 with input as pod({"requests": {"memory": null}})
	count(check.deny) == 1 with input as pod({"requests": {"memory": ""}})
}

test_set_allowed if {
	count(check.deny) == 0 with input as pod({"requests": {"memory": "128Mi"}})
	count(check.deny) == 0 with input as pod({"requests": {"memory": 134217728}})
}

test_init_checked_ephemeral_skipped if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i"}], "ephemeralContainers": [{"name": "e"}]}}
	some r in check.deny with input as p
	r.msg == `Pod "p": init container "i" has no memory request`
	count(check.deny) == 1 with input as p
}

test_deployment if {
	d := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}
	count(check.deny) == 1 with input as d
}
