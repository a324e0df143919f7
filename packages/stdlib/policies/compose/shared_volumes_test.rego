package palisade.compose.shared_volumes_test

import rego.v1

import data.palisade.compose.shared_volumes as policy

test_shared_named_volume_denied if {
	inp := {"services": {"api": {"volumes": ["uploads:/data"]}, "worker": {"volumes": [{"type": "volume", "source": "uploads", "target": "/in"}]}}}
	res := policy.warn with input as inp
	count(res) == 2
	some r in res
	r.msg == `service "api" shares volume "uploads" with worker`
	r.path == ["services", "api", "volumes", 0]
}

test_shared_bind_denied if {
	count(policy.warn) == 2 with input as {"services": {"a": {"volumes": ["./data:/d"]}, "b": {"volumes": ["./data:/e:ro"]}}}
}

test_separate_volumes_pass if {
	inp := {"services": {"a": {"volumes": ["a-data:/d", "/tmp"]}, "b": {"volumes": ["b-data:/d", "/tmp"]}, "c": {"image": "x:1"}}}
	count(policy.warn) == 0 with input as inp
}
