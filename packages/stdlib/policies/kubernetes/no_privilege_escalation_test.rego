package palisade.kubernetes.no_privilege_escalation_test

import rego.v1

import data.palisade.kubernetes.no_privilege_escalation as check

pod(spec) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": spec}

test_true_denied if {
	some r in check.deny with input as pod({"containers": [{"name": "a", "securityContext": {"allowPrivilegeEscalation": true}}]})
	r.msg == `Pod "p": container "a" sets allowPrivilegeEscalation: true`
}

test_missing_denied if {
	some r in check.deny with input as pod({"containers": [{"name": "a"}]})
	r.msg == `Pod "p": container "a" does not set allowPrivilegeEscalation: false`
	count(check.deny) == 1 with input as pod({"containers": [{"name": "a", "securityContext": {"allowPrivilegeEscalation": null}}]})
	count(check.deny) == 1 with input as pod({"containers": [{"name": "a", "securityContext": null}]})
}

test_false_allowed if {
	count(check.deny) == 0 with input as pod({"containers": [{"name": "a", "securityContext": {"allowPrivilegeEscalation": false}}]})
}

test_init_and_ephemeral_checked if {
	count(check.deny) == 2 with input as pod({
		"containers": [{"name": "a", "securityContext": {"allowPrivilegeEscalation": false}}],
		"initContainers": [{"name": "i"}],
		"ephemeralContainers": [{"name": "e"}],
	})
}

test_non_boolean_denied if {
	count(check.deny) == 1 with input as pod({"containers": [{"name": "a", "securityContext": {"allowPrivilegeEscalation": "false"}}]})
}

test_windows_exempt_from_1_25 if {
	win := pod({"os": {"name": "windows"}, "containers": [{"name": "a"}]})
	count(check.deny) == 0 with input as win
	count(check.deny) == 1 with input as win with data.palisade.config as {"pss_version": "v1.24"}
}

test_deployment_denied if {
	d := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}
	some r in check.deny with input as d
	r.msg == `Deployment "d": container "a" does not set allowPrivilegeEscalation: false`
}
