package palisade.kubernetes.default_namespace_test

import rego.v1

import data.palisade.kubernetes.default_namespace as check

test_unset_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	r.msg == `Pod "p" sets no namespace (it lands in the default namespace)`
}

test_default_denied if {
	some r in check.deny with input as {"kind": "Deployment", "metadata": {"name": "d", "namespace": "default"}, "spec": {"template": {"spec": {}}}}
	r.msg == `Deployment "d" is in the default namespace`
}

test_named_namespace_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": {}}
	count(check.deny) == 0 with input as {"kind": "AdmissionReview", "request": {"namespace": "shop", "object": {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}}}
}

test_non_workloads_ignored if {
	count(check.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "c"}}
}
