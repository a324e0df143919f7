package palisade.kubernetes.caps_baseline_test

import rego.v1

import data.palisade.kubernetes.caps_baseline as check

pod(add) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "securityContext": {"capabilities": {"add": add}}}]}}

test_outside_baseline_denied if {
	some r in check.deny with input as pod(["SYS_ADMIN"])
	r.msg == `Pod "p": container "a" adds capability SYS_ADMIN, outside the baseline set`
	count(check.deny) == 2 with input as pod(["NET_RAW", "CHOWN", "NET_ADMIN"])
}

test_baseline_allowed if {
	count(check.deny) == 0 with input as pod(["CHOWN", "NET_BIND_SERVICE", "SYS_CHROOT"])
	count(check.deny) == 0 with input as pod([])
	count(check.deny) == 0 with input as pod(null)
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a"}]}}
}

test_prefixed_name_is_not_baseline if {
	count(check.deny) == 1 with input as pod(["CAP_CHOWN"])
}

test_configured_allowance if {
	count(check.deny) == 0 with input as pod(["NET_RAW"]) with data.palisade.config as {"allowed_capabilities": ["NET_RAW"]}
}

test_ephemeral_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"ephemeralContainers": [{"name": "d", "securityContext": {"capabilities": {"add": ["SYS_PTRACE"]}}}]}}
	some r in check.deny with input as p
	r.msg == `Pod "p": ephemeral container "d" adds capability SYS_PTRACE, outside the baseline set`
}
