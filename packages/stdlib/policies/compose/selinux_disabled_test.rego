package palisade.compose.selinux_disabled_test

import rego.v1

import data.palisade.compose.selinux_disabled as policy

test_weakened_denied if {
	some r in policy.deny with input as {"services": {"admin": {"security_opt": ["no-new-privileges:true", "label:disable"]}}}
	r.msg == `service "admin" sets security_opt label:disable`
	r.path == ["services", "admin", "security_opt", 1]
}

test_equals_form_denied if {
	count(policy.deny) == 1 with input as {"services": {"admin": {"security_opt": ["label=type:spc_t"]}}}
}

test_profile_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"security_opt": ["label:level:s0:c100,c200", "label=user:system_u"]}, "b": {"image": "x:1"}, "c": {"security_opt": null}}}
}
