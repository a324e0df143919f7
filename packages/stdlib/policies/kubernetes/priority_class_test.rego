package palisade.kubernetes.priority_class_test

import rego.v1

import data.palisade.kubernetes.priority_class as check

test_missing_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	r.msg == `Pod "p" sets no priorityClassName`
	count(check.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"priorityClassName": ""}}
}

test_set_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"priorityClassName": "business-critical"}}
}
