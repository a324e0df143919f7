package palisade.kubernetes.host_network_test

import rego.v1

import data.palisade.kubernetes.host_network as check

test_set_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": true, "containers": []}}
	r.msg == `Pod "p" shares the host network namespace (hostNetwork: true)`
}

test_false_or_missing_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": false}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": null}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
}

test_located_by_path if {
	some r in check.deny with input as {"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"hostNetwork": true}}}}
	r.path == ["spec", "template", "spec", "hostNetwork"]
	some r2 in check.deny with input as {"kind": "AdmissionReview", "request": {"object": {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": true}}}}
	r2.path == ["request", "object", "spec", "hostNetwork"]
}

test_daemonset_denied if {
	count(check.deny) == 1 with input as {"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"hostNetwork": true}}}}
}

test_cronjob_denied if {
	count(check.deny) == 1 with input as {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"hostNetwork": true}}}}}}
}

test_admission_review_denied if {
	count(check.deny) == 1 with input as {"kind": "AdmissionReview", "request": {"object": {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostNetwork": true}}}}
}

test_not_a_workload_ignored if {
	count(check.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "c"}, "spec": {"hostNetwork": true}}
}
