package palisade.kubernetes.sysctls_safe_test

import rego.v1

import data.palisade.kubernetes.sysctls_safe as check

pod(names) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": {"sysctls": [{"name": n, "value": "1"} | some n in names]}}}

test_unsafe_denied if {
	some r in check.deny with input as pod(["kernel.msgmax"])
	r.msg == `Pod "p" sets unsafe sysctl kernel.msgmax`
	r.cause == {"name": "kernel.msgmax", "value": "1"}
}

test_safe_allowed if {
	count(check.deny) == 0 with input as pod(["kernel.shm_rmid_forced", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_wmem"])
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": {"sysctls": null}}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
}

test_version_aware if {
	count(check.deny) == 1 with input as pod(["net.ipv4.ip_local_reserved_ports"]) with data.palisade.config as {"pss_version": "v1.26"}
	count(check.deny) == 0 with input as pod(["net.ipv4.ip_local_reserved_ports"]) with data.palisade.config as {"pss_version": "v1.27"}
	count(check.deny) == 1 with input as pod(["net.ipv4.tcp_keepalive_time"]) with data.palisade.config as {"pss_version": "v1.28"}
	count(check.deny) == 0 with input as pod(["net.ipv4.tcp_keepalive_time"]) with data.palisade.config as {"pss_version": "v1.29"}
	count(check.deny) == 1 with input as pod(["net.ipv4.tcp_rmem"]) with data.palisade.config as {"pss_version": "v1.31"}
	count(check.deny) == 0 with input as pod(["net.ipv4.tcp_rmem"]) with data.palisade.config as {"pss_version": "latest"}
}

test_configured_allowance if {
	count(check.deny) == 0 with input as pod(["net.core.somaxconn"]) with data.palisade.config as {"allowed_sysctls": ["net.core.somaxconn"]}
}

test_deployment if {
	d := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"securityContext": {"sysctls": [{"name": "vm.swappiness", "value": "1"}]}}}}}
	count(check.deny) == 1 with input as d
}
