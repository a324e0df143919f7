package palisade.compose.restart_policy_test

import rego.v1

import data.palisade.compose.restart_policy as policy

test_always_denied if {
	some r in policy.deny with input as {"services": {"db": {"restart": "always"}}}
	r.msg == `service "db" uses restart: always; limit retries with on-failure:5`
	r.path == ["services", "db", "restart"]
}

test_unbounded_forms_denied if {
	inp := {"services": {"a": {"restart": "unless-stopped"}, "b": {"restart": "on-failure"}, "c": {"restart": "on-failure:10"}}}
	count(policy.deny) == 3 with input as inp
}

test_deploy_policy_denied if {
	inp := {"services": {"a": {"deploy": {"restart_policy": {"condition": "on-failure"}}}, "b": {"deploy": {"restart_policy": {"max_attempts": 9}}}}}
	count(policy.deny) == 2 with input as inp
}

test_bounded_or_unset_passes if {
	inp := {"services": {
		"a": {"restart": "on-failure:3"},
		"b": {"restart": "no"},
		"c": {"image": "x:1"},
		"d": {"deploy": {"restart_policy": {"condition": "on-failure", "max_attempts": 5}}},
		"e": {"deploy": {"restart_policy": {"condition": "none"}}},
	}}
	count(policy.deny) == 0 with input as inp
}
