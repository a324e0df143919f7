package palisade.kubernetes.run_as_non_root_test

import rego.v1

import data.palisade.kubernetes.run_as_non_root as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_unset_denied if {
	some r in check.deny with input as pod(null, null)
	r.msg == `Pod "p": container "a" does not set runAsNonRoot: true (neither does the pod)`
	count(check.deny) == 1 with input as pod({}, {"runAsUser": 1000})
}

test_pod_level_true_allowed if {
	count(check.deny) == 0 with input as pod({"runAsNonRoot": true}, null)
	count(check.deny) == 0 with input as pod({"runAsNonRoot": true}, {"runAsNonRoot": null})
}

test_container_level_true_allowed if {
	count(check.deny) == 0 with input as pod(null, {"runAsNonRoot": true})
}

test_container_false_overrides_pod if {
	some r in check.deny with input as pod({"runAsNonRoot": true}, {"runAsNonRoot": false})
	r.msg == `Pod "p": container "a" sets runAsNonRoot: false`
}

test_pod_false_denied if {
	some r in check.deny with input as pod({"runAsNonRoot": false}, {"runAsNonRoot": true})
	r.msg == `Pod "p" sets runAsNonRoot: false for the pod`
}

test_init_and_ephemeral_containers if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {
		"containers": [{"name": "a", "securityContext": {"runAsNonRoot": true}}],
		"initContainers": [{"name": "i"}],
		"ephemeralContainers": [{"name": "e"}],
	}}
	count(check.deny) == 2 with input as p
}

test_user_namespace_relaxation if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostUsers": false, "containers": [{"name": "a"}]}}
	count(check.deny) == 0 with input as p
	count(check.deny) == 1 with input as p with data.palisade.config as {"pss_version": "v1.34"}
}

test_cronjob if {
	cj := {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "x"}]}}}}}}
	count(check.deny) == 0 with input as cj
}
