package palisade.kubernetes.caps_dangerous_test

import rego.v1

import data.palisade.kubernetes.caps_dangerous as check

pod(add) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "securityContext": {"capabilities": {"add": add}}}]}}

test_dangerous_denied if {
	some r in check.deny with input as pod(["SYS_ADMIN"])
	r.msg == `Pod "p": container "a" adds dangerous capability SYS_ADMIN`
	count(check.deny) == 3 with input as pod(["cap_net_raw", "ALL", "NET_ADMIN", "CHOWN"])
}

test_harmless_allowed if {
	count(check.deny) == 0 with input as pod(["NET_BIND_SERVICE", "CHOWN"])
	count(check.deny) == 0 with input as pod(null)
}

test_configured_list if {
	count(check.deny) == 1 with input as pod(["CHOWN", "SYS_ADMIN"]) with data.palisade.config as {"dangerous_capabilities": ["CHOWN"]}
}

test_init_container_denied if {
	p := {"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": {"initContainers": [{"name": "i", "securityContext": {"capabilities": {"add": ["SYS_MODULE"]}}}]}}}}
	some r in check.deny with input as p
	r.msg == `Job "j": init container "i" adds dangerous capability SYS_MODULE`
}
