package palisade.compose.ulimits_test

import rego.v1

import data.palisade.compose.ulimits as policy

test_override_denied if {
	inp := {"services": {"es": {"ulimits": {"nofile": {"soft": 65536, "hard": 65536}, "nproc": 65535}}}}
	res := policy.warn with input as inp
	count(res) == 2
	some r in res
	r.msg == `service "es" overrides the nofile ulimit`
	r.cause == {"soft": 65536, "hard": 65536}
}

test_no_ulimits_passes if {
	count(policy.warn) == 0 with input as {"services": {"a": {"image": "x:1"}, "b": {"ulimits": null}}}
}
