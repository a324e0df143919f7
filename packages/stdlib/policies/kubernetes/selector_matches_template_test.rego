package palisade.kubernetes.selector_matches_template_test

import rego.v1

import data.palisade.kubernetes.selector_matches_template as check

deploy(selector, labels) := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"selector": selector, "template": {"metadata": {"labels": labels}, "spec": {}}}}

test_mismatch_denied if {
	some r in check.deny with input as deploy({"matchLabels": {"app": "web"}}, {"app": "api"})
	r.msg == `Deployment "d" selector does not match its pod template labels`
	count(check.deny) == 1 with input as deploy({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["front"]}]}, {"tier": "back"})
	count(check.deny) == 1 with input as deploy({"matchLabels": {"app": "web"}}, null)
}

test_match_allowed if {
	count(check.deny) == 0 with input as deploy({"matchLabels": {"app": "web"}}, {"app": "web", "tier": "front"})
	count(check.deny) == 0 with input as deploy({"matchExpressions": [{"key": "tier", "operator": "Exists"}]}, {"tier": "x"})
	count(check.deny) == 0 with input as deploy(null, {"app": "web"})
}

test_replication_controller if {
	rc := {"kind": "ReplicationController", "metadata": {"name": "r"}, "spec": {"selector": {"app": "a"}, "template": {"metadata": {"labels": {"app": "b"}}, "spec": {}}}}
	count(check.deny) == 1 with input as rc
	ok := {"kind": "ReplicationController", "metadata": {"name": "r"}, "spec": {"selector": {}, "template": {"metadata": {"labels": {"app": "b"}}, "spec": {}}}}
	count(check.deny) == 0 with input as ok
}

test_job_only_with_manual_selector if {
	job := {"kind": "Job", "metadata": {"name": "j"}, "spec": {"selector": {"matchLabels": {"x": "1"}}, "template": {"metadata": {"labels": {"x": "2"}}, "spec": {}}}}
	count(check.deny) == 0 with input as job
	manual := json.patch(job, [{"op": "add", "path": "/spec/manualSelector", "value": true}])
	count(check.deny) == 1 with input as manual
}
