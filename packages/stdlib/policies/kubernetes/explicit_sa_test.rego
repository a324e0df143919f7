package palisade.kubernetes.explicit_sa_test

import rego.v1

import data.palisade.kubernetes.explicit_sa as check

test_default_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	r.msg == `Pod "p" runs as the default service account`
	count(check.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"serviceAccountName": "default"}}
	count(check.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"serviceAccountName": ""}}
}

test_explicit_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"serviceAccountName": "api"}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"serviceAccount": "legacy"}}
}
