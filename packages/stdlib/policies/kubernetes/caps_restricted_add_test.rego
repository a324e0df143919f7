package palisade.kubernetes.caps_restricted_add_test

import rego.v1

import data.palisade.kubernetes.caps_restricted_add as check

pod(add) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "securityContext": {"capabilities": {"drop": ["ALL"], "add": add}}}]}}

test_other_capability_denied if {
	some r in check.deny with input as pod(["CHOWN"])
	r.msg == `Pod "p": container "a" adds capability CHOWN; only NET_BIND_SERVICE may be added`
	count(check.deny) == 2 with input as pod(["CHOWN", "NET_BIND_SERVICE", "SYS_ADMIN"])
}

test_net_bind_service_allowed if {
	count(check.deny) == 0 with input as pod(["NET_BIND_SERVICE"])
	count(check.deny) == 0 with input as pod(null)
}

test_windows_and_old_versions if {
	win := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"os": {"name": "windows"}, "containers": [{"name": "a", "securityContext": {"capabilities": {"add": ["CHOWN"]}}}]}}
	count(check.deny) == 0 with input as win
	count(check.deny) == 0 with input as pod(["CHOWN"]) with data.palisade.config as {"pss_version": "v1.21"}
}

test_init_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i", "securityContext": {"capabilities": {"add": ["KILL"]}}}]}}
	count(check.deny) == 1 with input as p
}
