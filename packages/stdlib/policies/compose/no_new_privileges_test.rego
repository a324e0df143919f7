package palisade.compose.no_new_privileges_test

import rego.v1

import data.palisade.compose.no_new_privileges as policy

test_missing_denied if {
	some r in policy.deny with input as {"services": {"web": {"image": "nginx:1.27"}}}
	r.msg == `service "web" does not set no-new-privileges:true in security_opt`
	r.cause.image == "nginx:1.27"
}

test_false_denied if {
	count(policy.deny) == 1 with input as {"services": {"web": {"security_opt": ["no-new-privileges:false", "seccomp:default.json"]}}}
}

test_set_passes if {
	inp := {"services": {"a": {"security_opt": ["no-new-privileges:true"]}, "b": {"security_opt": ["no-new-privileges"]}, "c": {"security_opt": ["label:disable", "no-new-privileges=true"]}}}
	count(policy.deny) == 0 with input as inp
}
