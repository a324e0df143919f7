package palisade.kubernetes.cronjob_hygiene_test

import rego.v1

import data.palisade.kubernetes.cronjob_hygiene as check

cronjob(spec, podspec) := {"kind": "CronJob", "metadata": {"name": "c"}, "spec": object.union(spec, {"jobTemplate": {"spec": {"template": {"spec": podspec}}}})}

test_no_deadline_denied if {
	some r in check.deny with input as cronjob({"schedule": "* * * * *"}, {"restartPolicy": "OnFailure"})
	r.msg == `CronJob "c" sets no startingDeadlineSeconds`
}

test_bad_restart_policy_denied if {
	some r in check.deny with input as cronjob({"startingDeadlineSeconds": 60}, {})
	r.msg == `CronJob "c" pods use restartPolicy Always; jobs need OnFailure or Never`
	job := {"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": {"restartPolicy": "Always"}}}}
	count(check.deny) == 1 with input as job
}

test_good_allowed if {
	count(check.deny) == 0 with input as cronjob({"startingDeadlineSeconds": 300}, {"restartPolicy": "Never"})
	count(check.deny) == 0 with input as {"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": {"restartPolicy": "OnFailure"}}}}
	count(check.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {}}}}
}
