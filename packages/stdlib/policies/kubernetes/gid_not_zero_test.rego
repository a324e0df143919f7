package palisade.kubernetes.gid_not_zero_test

import rego.v1

import data.palisade.kubernetes.gid_not_zero as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_pod_fields_denied if {
	some r in check.deny with input as pod({"fsGroup": 0}, null)
	r.msg == `Pod "p" sets fsGroup: 0 for the pod`
	count(check.deny) == 1 with input as pod({"runAsGroup": 0}, null)
	some r2 in check.deny with input as pod({"supplementalGroups": [1000, 0]}, null)
	r2.msg == `Pod "p" adds supplemental group 0 to the pod`
}

test_container_denied if {
	some r in check.deny with input as pod(null, {"runAsGroup": 0})
	r.msg == `Pod "p": container "a" sets runAsGroup: 0`
}

test_non_zero_allowed if {
	count(check.deny) == 0 with input as pod({"runAsGroup": 1000, "fsGroup": 2000, "supplementalGroups": [3000]}, {"runAsGroup": 4000})
	count(check.deny) == 0 with input as pod(null, null)
	count(check.deny) == 0 with input as pod({"supplementalGroups": null}, null)
}
