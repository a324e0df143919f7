package palisade.kubernetes.ephemeral_storage_test

import rego.v1

import data.palisade.kubernetes.ephemeral_storage as check

pod(resources) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "resources": resources}]}}

test_missing_denied if {
	some r in check.deny with input as pod(null)
	r.msg == `Pod "p": container "a" has no ephemeral-storage requests or limits`
	some r2 in check.deny with input as pod({"requests": {"ephemeral-storage": "1Gi"}})
	r2.msg == `Pod "p": container "a" has no ephemeral-storage limits`
}

test_set_allowed if {
	count(check.deny) == 0 with input as pod({"requests": {"ephemeral-storage": "1Gi"}, "limits": {"ephemeral-storage": "2Gi"}})
}

test_ephemeral_container_skipped if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"ephemeralContainers": [{"name": "e"}]}}
}
