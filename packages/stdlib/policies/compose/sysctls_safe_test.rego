package palisade.compose.sysctls_safe_test

import rego.v1

import data.palisade.compose.sysctls_safe as policy

test_unsafe_sysctl_denied if {
	some r in policy.deny with input as {"services": {"a": {"sysctls": {"net.core.somaxconn": 1024, "net.ipv4.tcp_syncookies": 0}}}}
	r.msg == `service "a" sets unsafe sysctl net.core.somaxconn`
	r.path == ["services", "a", "sysctls", "net.core.somaxconn"]
}

test_list_form_denied if {
	count(policy.deny) == 1 with input as {"services": {"a": {"sysctls": ["kernel.msgmax=65536"]}}}
}

test_safe_and_configured_pass if {
	inp := {"services": {"a": {"sysctls": ["net.ipv4.ip_unprivileged_port_start=80", "net.core.somaxconn=1024"]}, "b": {"image": "x:1"}}}
	count(policy.deny) == 0 with input as inp with data.palisade.config as {"compose_allowed_sysctls": ["net.core.somaxconn"]}
}
