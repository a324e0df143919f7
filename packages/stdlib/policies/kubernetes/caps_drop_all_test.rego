package palisade.kubernetes.caps_drop_all_test

import rego.v1

import data.palisade.kubernetes.caps_drop_all as check

pod(caps) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "securityContext": {"capabilities": caps}}]}}

test_missing_drop_denied if {
	some r in check.deny with input as pod({"drop": ["NET_RAW"]})
	r.msg == `Pod "p": container "a" does not drop ALL capabilities`
	count(check.deny) == 1 with input as pod(null)
	count(check.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a"}]}}
}

test_drop_all_allowed if {
	count(check.deny) == 0 with input as pod({"drop": ["ALL"]})
	count(check.deny) == 0 with input as pod({"drop": ["NET_RAW", "ALL"], "add": ["NET_BIND_SERVICE"]})
}

test_lower_case_all_is_not_all if {
	count(check.deny) == 1 with input as pod({"drop": ["all"]})
}

test_every_container_list if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {
		"initContainers": [{"name": "i"}],
		"containers": [{"name": "a", "securityContext": {"capabilities": {"drop": ["ALL"]}}}],
		"ephemeralContainers": [{"name": "e"}],
	}}
	count(check.deny) == 2 with input as p
}

test_version_gates if {
	count(check.deny) == 0 with input as pod(null) with data.palisade.config as {"pss_version": "v1.21"}
	win := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"os": {"name": "windows"}, "containers": [{"name": "a"}]}}
	count(check.deny) == 0 with input as win
	count(check.deny) == 1 with input as win with data.palisade.config as {"pss_version": "v1.24"}
}
