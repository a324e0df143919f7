package palisade.compose.cpu_limit_test

import rego.v1

import data.palisade.compose.cpu_limit as policy

test_missing_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres:16", "mem_limit": "1g"}}}
	r.msg == `service "db" has no CPU limit`
}

test_zero_denied if {
	count(policy.deny) == 1 with input as {"services": {"db": {"cpus": 0}}}
}

test_limits_pass if {
	inp := {"services": {"a": {"cpus": "0.5"}, "b": {"cpu_shares": 512}, "c": {"deploy": {"resources": {"limits": {"cpus": "1"}}}}}}
	count(policy.deny) == 0 with input as inp
}
