package palisade.kubernetes.linux_hardening_test

import rego.v1

import data.palisade.kubernetes.linux_hardening as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_nothing_denied if {
	some r in check.deny with input as pod(null, null)
	r.msg == `Pod "p": container "a" has no seccomp, AppArmor or SELinux profile and drops no capabilities`
	count(check.deny) == 1 with input as pod(null, {"seccompProfile": {"type": "Unconfined"}, "capabilities": {"drop": []}})
}

test_any_mechanism_allowed if {
	count(check.deny) == 0 with input as pod({"seccompProfile": {"type": "RuntimeDefault"}}, null)
	count(check.deny) == 0 with input as pod(null, {"appArmorProfile": {"type": "Localhost"}})
	count(check.deny) == 0 with input as pod({"seLinuxOptions": {"level": "s0:c1"}}, null)
	count(check.deny) == 0 with input as pod(null, {"capabilities": {"drop": ["NET_RAW"]}})
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p", "annotations": {"container.apparmor.security.beta.kubernetes.io/a": "runtime/default"}}, "spec": {"containers": [{"name": "a"}]}}
}
