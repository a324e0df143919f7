package palisade.kubernetes.image_tag_pinned_test

import rego.v1

import data.palisade.kubernetes.image_tag_pinned as check

pod(image) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": image}]}}

test_latest_denied if {
	some r in check.deny with input as pod("nginx:latest")
	r.msg == `Pod "p": container "a" uses image nginx:latest without a version tag (latest)`
	count(check.deny) == 1 with input as pod("nginx")
	count(check.deny) == 1 with input as pod("registry.example.com:5000/team/app")
}

test_pinned_allowed if {
	count(check.deny) == 0 with input as pod("nginx:1.27")
	count(check.deny) == 0 with input as pod("registry.example.com:5000/team/app:2.0")
	count(check.deny) == 0 with input as pod("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
}

test_missing_image_ignored if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a"}]}}
}

test_init_and_ephemeral if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i", "image": "busybox"}], "ephemeralContainers": [{"name": "e", "image": "busybox:latest"}]}}
	count(check.deny) == 2 with input as p
}

# The finding points at the `image:` line, for each container that needs a change.
test_located_at_image_of_each_container if {
	p := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"containers": [{"name": "a", "image": "nginx"}, {"name": "b", "image": "redis:7"}, {"name": "c", "image": "busybox:latest"}]}}}}
	r := check.deny with input as p
	{x.path | some x in r} == {["spec", "template", "spec", "containers", 0, "image"], ["spec", "template", "spec", "containers", 2, "image"]}
}
