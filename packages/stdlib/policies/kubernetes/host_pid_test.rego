package palisade.kubernetes.host_pid_test

import rego.v1

import data.palisade.kubernetes.host_pid as check

test_set_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": true, "containers": []}}
	r.msg == `Pod "p" shares the host PID namespace (hostPID: true)`
}

test_false_or_missing_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": false}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": null}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
}

test_located_by_path if {
	some r in check.deny with input as {"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"hostPID": true}}}}
	r.path == ["spec", "template", "spec", "hostPID"]
	some r2 in check.deny with input as {"kind": "AdmissionReview", "request": {"object": {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": true}}}}
	r2.path == ["request", "object", "spec", "hostPID"]
}

test_daemonset_denied if {
	count(check.deny) == 1 with input as {"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"hostPID": true}}}}
}

test_cronjob_denied if {
	count(check.deny) == 1 with input as {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"hostPID": true}}}}}}
}

test_admission_review_denied if {
	count(check.deny) == 1 with input as {"kind": "AdmissionReview", "request": {"object": {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostPID": true}}}}
}

test_not_a_workload_ignored if {
	count(check.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "c"}, "spec": {"hostPID": true}}
}
