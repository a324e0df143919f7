package palisade.kubernetes.windows_hostprocess_test

import rego.v1

import data.palisade.kubernetes.windows_hostprocess as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_pod_level_denied if {
	some r in check.deny with input as pod({"windowsOptions": {"hostProcess": true}}, null)
	r.msg == `Pod "p" runs as a Windows HostProcess pod (windowsOptions.hostProcess: true)`
}

test_container_level_denied if {
	some r in check.deny with input as pod(null, {"windowsOptions": {"hostProcess": true}})
	r.msg == `Pod "p": container "a" runs as a Windows HostProcess container (windowsOptions.hostProcess: true)`
}

test_unset_or_false_allowed if {
	count(check.deny) == 0 with input as pod({"windowsOptions": {"hostProcess": false}}, {"windowsOptions": {"runAsUserName": "x"}})
	count(check.deny) == 0 with input as pod(null, null)
}

test_init_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i", "securityContext": {"windowsOptions": {"hostProcess": true}}}]}}
	count(check.deny) == 1 with input as p
}
