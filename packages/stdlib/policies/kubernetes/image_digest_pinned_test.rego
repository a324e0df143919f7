package palisade.kubernetes.image_digest_pinned_test

import rego.v1

import data.palisade.kubernetes.image_digest_pinned as check

pod(image) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": image}]}}

digest := "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

test_tag_only_denied if {
	some r in check.deny with input as pod("nginx:1.27")
	r.msg == `Pod "p": container "a" uses image nginx:1.27 without a digest`
	count(check.deny) == 1 with input as pod("nginx")
}

test_digest_allowed if {
	count(check.deny) == 0 with input as pod(concat("@", ["nginx:1.27", digest]))
	count(check.deny) == 0 with input as pod(concat("@", ["ghcr.io/acme/app", digest]))
}

test_malformed_digest_denied if {
	count(check.deny) == 1 with input as pod("nginx@sha256:abc")
}
