package palisade.compose.apparmor_unconfined_test

import rego.v1

import data.palisade.compose.apparmor_unconfined as policy

test_weakened_denied if {
	some r in policy.deny with input as {"services": {"admin": {"security_opt": ["no-new-privileges:true", "apparmor:unconfined"]}}}
	r.msg == `service "admin" sets security_opt apparmor:unconfined`
	r.path == ["services", "admin", "security_opt", 1]
}

test_equals_form_denied if {
	count(policy.deny) == 1 with input as {"services": {"admin": {"security_opt": ["apparmor=Unconfined"]}}}
}

test_profile_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"security_opt": ["apparmor:docker-default"]}, "b": {"image": "x:1"}, "c": {"security_opt": null}}}
}
