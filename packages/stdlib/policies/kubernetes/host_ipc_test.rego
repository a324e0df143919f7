package palisade.kubernetes.host_ipc_test

import rego.v1

import data.palisade.kubernetes.host_ipc as check

test_set_denied if {
	some r in check.deny with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostIPC": true, "containers": []}}
	r.msg == `Pod "p" shares the host IPC namespace (hostIPC: true)`
}

test_false_or_missing_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostIPC": false}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostIPC": null}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
}

test_located_by_path if {
	some r in check.deny with input as {"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"hostIPC": true}}}}
	r.path == ["spec", "template", "spec", "hostIPC"]
	some r2 in check.deny with input as {"kind": "AdmissionReview", "request": {"object": {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostIPC": true}}}}
	r2.path == ["request", "object", "spec", "hostIPC"]
}

test_daemonset_denied if {
	count(check.deny) == 1 with input as {"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"hostIPC": true}}}}
}

test_cronjob_denied if {
	count(check.deny) == 1 with input as {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"hostIPC": true}}}}}}
}

test_admission_review_denied if {
	count(check.deny) == 1 with input as {"kind": "AdmissionReview", "request": {"object": {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostIPC": true}}}}
}

test_not_a_workload_ignored if {
	count(check.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "c"}, "spec": {"hostIPC": true}}
}
