package palisade.compose.memory_limit_test

import rego.v1

import data.palisade.compose.memory_limit as policy

test_missing_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres:16", "deploy": {"resources": {"limits": {"cpus": "0.5"}}}}}}
	r.msg == `service "db" has no memory limit`
}

test_zero_denied if {
	count(policy.deny) == 1 with input as {"services": {"db": {"mem_limit": 0}}}
}

test_limits_pass if {
	inp := {"services": {"a": {"mem_limit": "512m"}, "b": {"deploy": {"resources": {"limits": {"memory": "256M"}}}}}}
	count(policy.deny) == 0 with input as inp
}
