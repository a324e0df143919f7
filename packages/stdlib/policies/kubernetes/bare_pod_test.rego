package palisade.kubernetes.bare_pod_test

import rego.v1

import data.palisade.kubernetes.bare_pod as check

test_bare_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	r.msg == `Pod "p" is not managed by a controller`
	count(check.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p", "ownerReferences": null}, "spec": {}}
}

test_owned_allowed if {
	owned := {"kind": "Pod", "metadata": {"name": "p", "ownerReferences": [{"kind": "ReplicaSet", "name": "r"}]}, "spec": {}}
	count(check.deny) == 0 with input as owned
	count(check.deny) == 0 with input as {"kind": "AdmissionReview", "request": {"object": owned}}
	count(check.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {}}}}
}
