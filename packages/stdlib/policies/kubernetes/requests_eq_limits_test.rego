package palisade.kubernetes.requests_eq_limits_test

import rego.v1

import data.palisade.kubernetes.requests_eq_limits as check

pod(resources) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "resources": resources}]}}

test_different_denied if {
	some r in check.deny with input as pod({"requests": {"cpu": "250m"}, "limits": {"cpu": "1"}})
	r.msg == `Pod "p": container "a" requests 250m cpu but is limited to 1`
	count(check.deny) == 2 with input as pod({"requests": {"cpu": "250m", "memory": "128Mi"}, "limits": {"cpu": "1", "memory": "256Mi"}})
}

test_equal_allowed if {
	count(check.deny) == 0 with input as pod({"requests": {"cpu": "1", "memory": "1Gi"}, "limits": {"cpu": "1000m", "memory": "1024Mi"}})
	count(check.deny) == 0 with input as pod({"requests": {"cpu": 2}, "limits": {"cpu": "2"}})
}

test_missing_side_ignored if {
	count(check.deny) == 0 with input as pod({"limits": {"cpu": "1"}})
	count(check.deny) == 0 with input as pod(null)
}
