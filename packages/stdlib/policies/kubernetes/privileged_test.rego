package palisade.kubernetes.privileged_test

import rego.v1

import data.palisade.kubernetes.privileged

pod(spec) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": spec}

test_privileged_container_denied if {
	res := privileged.deny with input as pod({"containers": [{"name": "app", "securityContext": {"privileged": true}}]})
	count(res) == 1
	some r in res
	r.msg == `Pod "p": container "app" runs privileged (securityContext.privileged: true)`
	r.cause.name == "app"
}

test_privileged_init_and_ephemeral_denied if {
	res := privileged.deny with input as pod({
		"containers": [{"name": "app"}],
		"initContainers": [{"name": "init", "securityContext": {"privileged": true}}],
		"ephemeralContainers": [{"name": "dbg", "securityContext": {"privileged": true}}],
	})
	count(res) == 2
}

test_not_privileged_allowed if {
	count(privileged.deny) == 0 with input as pod({"containers": [{"name": "app", "securityContext": {"privileged": false}}]})
	count(privileged.deny) == 0 with input as pod({"containers": [{"name": "app"}]})
	count(privileged.deny) == 0 with input as pod({"containers": [{"name": "app", "securityContext": null}]})
}

test_pod_level_privileged_is_not_a_field if {
	count(privileged.deny) == 0 with input as pod({"securityContext": {"privileged": true}, "containers": [{"name": "app"}]})
}

test_cronjob_denied if {
	cj := {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "x", "securityContext": {"privileged": true}}]}}}}}}
	some r in privileged.deny with input as cj
	r.msg == `CronJob "c": container "x" runs privileged (securityContext.privileged: true)`
}

test_admission_review_denied if {
	review := {"kind": "AdmissionReview", "request": {"object": pod({"containers": [{"name": "app", "securityContext": {"privileged": true}}]})}}
	count(privileged.deny) == 1 with input as review
}

test_exempt_namespace_skipped if {
	count(privileged.deny) == 0 with input as pod({"containers": [{"name": "app", "securityContext": {"privileged": true}}]})
		with data.palisade.config as {"exempt_namespaces": ["default"]}
}
