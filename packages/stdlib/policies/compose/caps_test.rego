package palisade.compose.caps_test

import rego.v1

import data.palisade.compose.caps as policy

test_added_capability_denied if {
	res := policy.deny with input as {"services": {"admin": {"cap_drop": ["ALL"], "cap_add": ["SYS_ADMIN", "NET_BIND_SERVICE", "cap_net_admin"]}}}
	count(res) == 2
	some r in res
	r.msg == `service "admin" adds capability SYS_ADMIN`
	r.path == ["services", "admin", "cap_add", 0]
}

test_all_added_denied if {
	count(policy.deny) == 1 with input as {"services": {"a": {"cap_drop": ["ALL"], "cap_add": ["ALL"]}}}
}

test_missing_drop_all_denied if {
	some r in policy.deny with input as {"services": {"web": {"image": "nginx:1.27", "cap_drop": ["NET_RAW"]}}}
	r.msg == `service "web" does not drop all capabilities (cap_drop: [ALL])`
	r.cause.image == "nginx:1.27"
}

test_drop_all_add_bind_passes if {
	inp := {"services": {"web": {"cap_drop": ["all"], "cap_add": ["CAP_NET_BIND_SERVICE"]}, "worker": {"cap_drop": ["ALL"]}}}
	count(policy.deny) == 0 with input as inp
}

test_configured_allowlist if {
	inp := {"services": {"vpn": {"cap_drop": ["ALL"], "cap_add": ["NET_ADMIN"]}}}
	count(policy.deny) == 0 with input as inp with data.palisade.config as {"compose_allowed_cap_add": ["NET_ADMIN"]}
	count(policy.deny) == 1 with input as inp
}
