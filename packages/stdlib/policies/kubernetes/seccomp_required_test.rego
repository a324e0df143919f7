package palisade.kubernetes.seccomp_required_test

import rego.v1

import data.palisade.kubernetes.seccomp_required as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_unset_denied if {
	some r in check.deny with input as pod(null, null)
	r.msg == `Pod "p": container "a" has no RuntimeDefault or Localhost seccomp profile (pod or container)`
}

test_pod_level_allowed if {
	count(check.deny) == 0 with input as pod({"seccompProfile": {"type": "RuntimeDefault"}}, null)
	count(check.deny) == 0 with input as pod({"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}, {})
}

test_container_level_allowed if {
	count(check.deny) == 0 with input as pod(null, {"seccompProfile": {"type": "RuntimeDefault"}})
}

test_container_unconfined_overrides_pod if {
	some r in check.deny with input as pod({"seccompProfile": {"type": "RuntimeDefault"}}, {"seccompProfile": {"type": "Unconfined"}})
	r.msg == `Pod "p": container "a" sets seccomp profile type Unconfined`
}

test_pod_unconfined_denied if {
	res := check.deny with input as pod({"seccompProfile": {"type": "Unconfined"}}, {"seccompProfile": {"type": "RuntimeDefault"}})
	count(res) == 1
	some r in res
	r.msg == `Pod "p" sets seccomp profile type Unconfined for the pod`
}

test_every_container_list if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i"}], "ephemeralContainers": [{"name": "e"}]}}
	count(check.deny) == 2 with input as p
}

test_version_gates if {
	count(check.deny) == 0 with input as pod(null, null) with data.palisade.config as {"pss_version": "v1.18"}
	win := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"os": {"name": "windows"}, "containers": [{"name": "a"}]}}
	count(check.deny) == 0 with input as win
}
