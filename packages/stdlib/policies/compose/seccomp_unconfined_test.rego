package palisade.compose.seccomp_unconfined_test

import rego.v1

import data.palisade.compose.seccomp_unconfined as policy

test_weakened_denied if {
	some r in policy.deny with input as {"services": {"admin": {"security_opt": ["no-new-privileges:true", "seccomp:unconfined"]}}}
	r.msg == `service "admin" sets security_opt seccomp:unconfined`
	r.path == ["services", "admin", "security_opt", 1]
}

test_equals_form_denied if {
	count(policy.deny) == 1 with input as {"services": {"admin": {"security_opt": ["seccomp=unconfined"]}}}
}

test_profile_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"security_opt": ["seccomp:/etc/profile.json"]}, "b": {"image": "x:1"}, "c": {"security_opt": null}}}
}
