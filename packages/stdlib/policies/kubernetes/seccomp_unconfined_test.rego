package palisade.kubernetes.seccomp_unconfined_test

import rego.v1

import data.palisade.kubernetes.seccomp_unconfined as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_pod_unconfined_denied if {
	some r in check.deny with input as pod({"seccompProfile": {"type": "Unconfined"}}, null)
	r.msg == `Pod "p" disables seccomp for the pod (type Unconfined)`
}

test_container_unconfined_denied if {
	some r in check.deny with input as pod(null, {"seccompProfile": {"type": "Unconfined"}})
	r.msg == `Pod "p": container "a" disables seccomp (type Unconfined)`
}

test_default_or_unset_allowed if {
	count(check.deny) == 0 with input as pod(null, null)
	count(check.deny) == 0 with input as pod({"seccompProfile": {"type": "RuntimeDefault"}}, {"seccompProfile": {"type": "Localhost"}})
}

test_annotations_before_1_19 if {
	p := {"kind": "Pod", "metadata": {"name": "p", "annotations": {"seccomp.security.alpha.kubernetes.io/pod": "unconfined"}}, "spec": {"containers": []}}
	count(check.deny) == 1 with input as p with data.palisade.config as {"pss_version": "v1.18"}
	count(check.deny) == 0 with input as p
	c := {"kind": "Pod", "metadata": {"name": "p", "annotations": {"container.seccomp.security.alpha.kubernetes.io/a": "runtime/default"}}, "spec": {}}
	count(check.deny) == 0 with input as c with data.palisade.config as {"pss_version": "v1.18"}
}

test_ephemeral_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"ephemeralContainers": [{"name": "e", "securityContext": {"seccompProfile": {"type": "Unconfined"}}}]}}
	count(check.deny) == 1 with input as p
}
