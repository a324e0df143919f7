package palisade.compose.readonly_rootfs_test

import rego.v1

import data.palisade.compose.readonly_rootfs as policy

test_missing_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres:16"}}}
	r.msg == `service "db" does not set read_only: true`
	r.cause.image == "postgres:16"
}

test_false_denied if {
	some r in policy.deny with input as {"services": {"db": {"read_only": false}}}
	r.msg == `service "db" sets read_only: false`
	r.path == ["services", "db", "read_only"]
}

test_read_only_passes if {
	count(policy.deny) == 0 with input as {"services": {"api": {"read_only": true, "tmpfs": ["/tmp"]}}}
}
