package palisade.kubernetes.liveness_probe_test

import rego.v1

import data.palisade.kubernetes.liveness_probe as check

deploy(c) := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"containers": [c]}}}}

test_missing_denied if {
	some r in check.deny with input as deploy({"name": "a"})
	r.msg == `Deployment "d": container "a" has no livenessProbe`
	count(check.deny) == 1 with input as deploy({"name": "a", "livenessProbe": null})
}

test_present_allowed if {
	count(check.deny) == 0 with input as deploy({"name": "a", "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}}})
}

test_jobs_and_init_containers_skipped if {
	count(check.deny) == 0 with input as {"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}
	count(check.deny) == 0 with input as {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i"}], "ephemeralContainers": [{"name": "e"}]}}
}
