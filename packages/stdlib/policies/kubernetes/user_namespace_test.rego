package palisade.kubernetes.user_namespace_test

import rego.v1

import data.palisade.kubernetes.user_namespace as check

test_unset_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": []}}
	r.msg == `Pod "p" does not set hostUsers: false (no user namespace)`
	count(check.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostUsers": true}}
}

test_user_namespace_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostUsers": false}}
}

test_host_namespaces_left_to_other_checks if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": true}}
}
