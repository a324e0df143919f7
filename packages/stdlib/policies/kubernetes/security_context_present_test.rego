package palisade.kubernetes.security_context_present_test

import rego.v1

import data.palisade.kubernetes.security_context_present as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_both_empty_denied if {
	some r in check.deny with input as pod(null, null)
	r.msg == `Pod "p": container "a" has no securityContext (neither has the pod)`
	count(check.deny) == 1 with input as pod({}, {})
}

test_either_set_allowed if {
	count(check.deny) == 0 with input as pod({"runAsNonRoot": true}, null)
	count(check.deny) == 0 with input as pod(null, {"readOnlyRootFilesystem": true})
}

test_init_checked if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i"}], "ephemeralContainers": [{"name": "e"}]}}
	count(check.deny) == 1 with input as p
}
