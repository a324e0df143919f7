package palisade.kubernetes.pull_policy_always_test

import rego.v1

import data.palisade.kubernetes.pull_policy_always as check

pod(c) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [object.union({"name": "a"}, c)]}}

test_if_not_present_denied if {
	some r in check.deny with input as pod({"image": "nginx:1.27", "imagePullPolicy": "IfNotPresent"})
	r.msg == `Pod "p": container "a" pulls tag-based image nginx:1.27 with policy IfNotPresent, not Always`
	count(check.deny) == 1 with input as pod({"image": "nginx:1.27"})
	count(check.deny) == 1 with input as pod({"image": "nginx:latest", "imagePullPolicy": "Never"})
}

test_always_allowed if {
	count(check.deny) == 0 with input as pod({"image": "nginx:1.27", "imagePullPolicy": "Always"})
	count(check.deny) == 0 with input as pod({"image": "nginx:latest"})
}

test_digest_allowed if {
	count(check.deny) == 0 with input as pod({"image": "nginx@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "imagePullPolicy": "IfNotPresent"})
}

# The finding points at imagePullPolicy when it is written (the line to change), else at image.
test_located_at_the_line_to_change if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent"}, {"name": "b", "image": "redis:7"}]}}
	r := check.deny with input as p
	{x.path | some x in r} == {["spec", "containers", 0, "imagePullPolicy"], ["spec", "containers", 1, "image"]}
}
