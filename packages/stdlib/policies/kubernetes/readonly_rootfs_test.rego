package palisade.kubernetes.readonly_rootfs_test

import rego.v1

import data.palisade.kubernetes.readonly_rootfs as check

pod(csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "securityContext": csc}]}}

test_writable_denied if {
	some r in check.deny with input as pod(null)
	r.msg == `Pod "p": container "a" does not set readOnlyRootFilesystem: true`
	count(check.deny) == 1 with input as pod({"readOnlyRootFilesystem": false})
	count(check.deny) == 1 with input as pod({})
}

test_read_only_allowed if {
	count(check.deny) == 0 with input as pod({"readOnlyRootFilesystem": true})
}

test_init_checked_ephemeral_skipped if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i"}], "ephemeralContainers": [{"name": "e"}]}}
	some r in check.deny with input as p
	r.msg == `Pod "p": init container "i" does not set readOnlyRootFilesystem: true`
	count(check.deny) == 1 with input as p
}
