package palisade.compose.mount_propagation_test

import rego.v1

import data.palisade.compose.mount_propagation as policy

test_rshared_denied if {
	some r in policy.deny with input as {"services": {"agent": {"volumes": ["/mnt:/mnt:rw,rshared"]}}}
	r.msg == `service "agent" mounts /mnt with rshared propagation`
}

test_long_syntax_shared_denied if {
	inp := {"services": {"a": {"volumes": [{"type": "bind", "source": "/mnt", "target": "/m", "bind": {"propagation": "shared"}}]}}}
	count(policy.deny) == 1 with input as inp
}

test_private_propagation_passes if {
	inp := {"services": {"a": {"volumes": ["/mnt:/mnt:rslave", "/x:/x:ro", {"type": "bind", "source": "/y", "target": "/y"}]}}}
	count(policy.deny) == 0 with input as inp
}
