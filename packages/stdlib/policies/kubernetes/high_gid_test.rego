package palisade.kubernetes.high_gid_test

import rego.v1

import data.palisade.kubernetes.high_gid as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_unset_denied if {
	some r in check.deny with input as pod(null, null)
	r.msg == `Pod "p": container "a" does not set runAsGroup`
}

test_low_denied if {
	some r in check.deny with input as pod(null, {"runAsGroup": 1000})
	r.msg == `Pod "p": container "a" runs as GID 1000, not above 10000`
	count(check.deny) == 1 with input as pod({"runAsGroup": 10000}, null)
}

test_high_allowed if {
	count(check.deny) == 0 with input as pod({"runAsGroup": 10001}, null)
	count(check.deny) == 0 with input as pod(null, {"runAsGroup": 20000})
}

test_container_overrides_pod if {
	count(check.deny) == 1 with input as pod({"runAsGroup": 20000}, {"runAsGroup": 0})
	count(check.deny) == 0 with input as pod({"runAsGroup": 0}, {"runAsGroup": 20000})
}

test_threshold_configurable if {
	count(check.deny) == 0 with input as pod({"runAsGroup": 1001}, null) with data.palisade.config as {"high_id_threshold": 1000}
}
