package palisade.kubernetes.proc_mount_test

import rego.v1

import data.palisade.kubernetes.proc_mount as check

pod(csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "securityContext": csc}]}}

test_unmasked_denied if {
	some r in check.deny with input as pod({"procMount": "Unmasked"})
	r.msg == `Pod "p": container "a" sets procMount: Unmasked`
}

test_default_allowed if {
	count(check.deny) == 0 with input as pod({"procMount": "Default"})
	count(check.deny) == 0 with input as pod({"procMount": null})
	count(check.deny) == 0 with input as pod(null)
}

test_user_namespace_warns if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostUsers": false, "containers": [{"name": "a", "securityContext": {"procMount": "Unmasked"}}]}}
	count(check.deny) == 0 with input as p
	count(check.warn) == 1 with input as p
	count(check.deny) == 1 with input as p with data.palisade.config as {"pss_version": "v1.34"}
	count(check.warn) == 0 with input as p with data.palisade.config as {"pss_version": "v1.34"}
}

test_init_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i", "securityContext": {"procMount": "Unmasked"}}]}}
	count(check.deny) == 1 with input as p
}
