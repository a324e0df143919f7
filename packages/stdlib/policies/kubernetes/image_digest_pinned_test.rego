package palisade.kubernetes.image_digest_pinned_test

import rego.v1

import data.palisade.kubernetes.image_digest_pinned as check

pod(image) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": image}]}}

digest := "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

test_tag_only_denied if {
	some r in check.deny with input as pod("nginx:1.27")
	r.msg == `Pod "p": container "a" uses image nginx:1.27 without a digest`
	r.path == ["spec", "containers", 0, "image"]
}

# Untagged and latest images are KW-034's finding: one unpinned image, one finding.
test_latest_left_to_kw034 if {
	count(check.deny) == 0 with input as pod("nginx")
	count(check.deny) == 0 with input as pod("nginx:latest")
}

test_two_containers_two_findings if {
	p := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"initContainers": [{"name": "i", "image": "busybox:1.36"}], "containers": [{"name": "a", "image": "nginx:1.27"}, {"name": "b", "image": "redis:7"}]}}}}
	r := check.deny with input as p
	{x.path | some x in r} == {
		["spec", "template", "spec", "initContainers", 0, "image"],
		["spec", "template", "spec", "containers", 0, "image"],
		["spec", "template", "spec", "containers", 1, "image"],
	}
}

test_digest_allowed if {
	count(check.deny) == 0 with input as pod(concat("@", ["nginx:1.27", digest]))
	count(check.deny) == 0 with input as pod(concat("@", ["ghcr.io/acme/app", digest]))
}

test_malformed_digest_denied if {
	count(check.deny) == 1 with input as pod("nginx@sha256:abc")
}
