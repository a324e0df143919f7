package palisade.compose.pids_limit_test

import rego.v1

import data.palisade.compose.pids_limit as policy

test_missing_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres:16"}}}
	r.msg == `service "db" has no pids_limit`
}

test_unlimited_denied if {
	some r in policy.deny with input as {"services": {"db": {"pids_limit": -1}}}
	r.msg == `service "db" sets pids_limit -1, which is unlimited`
	r.path == ["services", "db", "pids_limit"]
	count(policy.deny) == 1 with input as {"services": {"db": {"pids_limit": "0"}}}
}

test_limit_passes if {
	inp := {"services": {"a": {"pids_limit": 200}, "b": {"pids_limit": "100"}, "c": {"deploy": {"resources": {"limits": {"pids": 50}}}}}}
	count(policy.deny) == 0 with input as inp
}
