package palisade.kubernetes.uid_not_zero_test

import rego.v1

import data.palisade.kubernetes.uid_not_zero as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_container_zero_denied if {
	some r in check.deny with input as pod(null, {"runAsUser": 0})
	r.msg == `Pod "p": container "a" sets runAsUser: 0`
}

test_pod_zero_denied if {
	some r in check.deny with input as pod({"runAsUser": 0}, {"runAsUser": 1000})
	r.msg == `Pod "p" sets runAsUser: 0 for the pod`
}

test_non_zero_or_unset_allowed if {
	count(check.deny) == 0 with input as pod({"runAsUser": 1000}, null)
	count(check.deny) == 0 with input as pod(null, null)
	count(check.deny) == 0 with input as pod(null, {"runAsUser": null})
}

test_ephemeral_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"ephemeralContainers": [{"name": "e", "securityContext": {"runAsUser": 0}}]}}
	count(check.deny) == 1 with input as p
}

test_versions if {
	count(check.deny) == 0 with input as pod(null, {"runAsUser": 0}) with data.palisade.config as {"pss_version": "v1.22"}
	userns := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostUsers": false, "containers": [{"name": "a", "securityContext": {"runAsUser": 0}}]}}
	count(check.deny) == 0 with input as userns
	count(check.deny) == 1 with input as userns with data.palisade.config as {"pss_version": "v1.34"}
}
