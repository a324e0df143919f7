package palisade.compose.healthcheck_test

import rego.v1

import data.palisade.compose.healthcheck as policy

test_missing_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres:16"}}}
	r.msg == `service "db" has no healthcheck`
}

test_disabled_denied if {
	some r in policy.deny with input as {"services": {"db": {"healthcheck": {"disable": true}}}}
	r.msg == `service "db" disables its healthcheck`
	r.cause == {"disable": true}
	count(policy.deny) == 1 with input as {"services": {"db": {"healthcheck": {"test": ["NONE"]}}}}
}

test_null_healthcheck_denied if {
	count(policy.deny) == 1 with input as {"services": {"db": {"healthcheck": null}}}
}

test_healthcheck_passes if {
	inp := {"services": {"a": {"healthcheck": {"test": ["CMD", "/app", "health"], "interval": "30s"}}, "b": {"healthcheck": {"test": "curl -f http://localhost/"}}}}
	count(policy.deny) == 0 with input as inp
}
