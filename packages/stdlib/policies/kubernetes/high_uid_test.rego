package palisade.kubernetes.high_uid_test

import rego.v1

import data.palisade.kubernetes.high_uid as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_unset_denied if {
	some r in check.deny with input as pod(null, null)
	r.msg == `Pod "p": container "a" does not set runAsUser`
}

test_low_denied if {
	some r in check.deny with input as pod(null, {"runAsUser": 1000})
	r.msg == `Pod "p": container "a" runs as UID 1000, not above 10000`
	count(check.deny) == 1 with input as pod({"runAsUser": 10000}, null)
}

test_high_allowed if {
	count(check.deny) == 0 with input as pod({"runAsUser": 10001}, null)
	count(check.deny) == 0 with input as pod(null, {"runAsUser": 20000})
}

test_container_overrides_pod if {
	count(check.deny) == 1 with input as pod({"runAsUser": 20000}, {"runAsUser": 0})
	count(check.deny) == 0 with input as pod({"runAsUser": 0}, {"runAsUser": 20000})
}

test_threshold_configurable if {
	count(check.deny) == 0 with input as pod({"runAsUser": 1001}, null) with data.palisade.config as {"high_id_threshold": 1000}
}
