package palisade.supplychain.digest_pinned_test

import rego.v1

import data.palisade.supplychain.digest_pinned as p

d := "sha256:1111111111111111111111111111111111111111111111111111111111111111"

test_tag_fails if {
	svc := {"image": "nginx:1.25"}
	[r] := [r | some r in p.deny] with input as {"services": {"web": svc}}
	r.msg == "service \"web\" uses image nginx:1.25, which is not pinned by digest"
	r.path == ["services", "web", "image"]
}

# Untagged / latest images are DC-028's finding: one unpinned image, one finding.
test_latest_left_to_dc028 if {
	count(p.deny) == 0 with input as {"services": {"web": {"image": "nginx"}, "db": {"image": "postgres:latest"}}}
}

# `image` next to `build` names the image compose builds: nothing to pin.
test_built_image_skipped if {
	count(p.deny) == 0 with input as {"services": {"web": {"build": ".", "image": "acme/web:1.0"}, "api": {"build": {"context": "api"}, "image": "acme/api:2"}}}
}

test_several_services_each_reported if {
	r := p.deny with input as {"services": {"a": {"image": "nginx:1.25"}, "b": {"image": "redis:7"}, "c": {"build": ".", "image": "x:1"}}}
	{x.path | some x in r} == {["services", "a", "image"], ["services", "b", "image"]}
}

test_digest_passes if {
	count(p.deny) == 0 with input as {"services": {"web": {"image": sprintf("nginx:1.25@%s", [d])}}}
}

test_malformed_digest_fails if {
	count(p.deny) == 1 with input as {"services": {"web": {"image": "nginx@sha256:abc"}}}
}

test_build_only_and_variables_skipped if {
	count(p.deny) == 0 with input as {"services": {"web": {"build": "."}, "db": {"image": "${DB_IMAGE}"}}}
}

test_kubernetes_not_covered if {
	count(p.deny) == 0 with input as {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": "nginx"}]}}
}
