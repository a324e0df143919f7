package palisade.compose.image_tag_pinned_test

import rego.v1

import data.palisade.compose.image_tag_pinned as policy

test_latest_denied if {
	some r in policy.deny with input as {"services": {"admin": {"image": "portainer/portainer-ce:latest"}}}
	r.msg == `service "admin" uses image "portainer/portainer-ce:latest" with the mutable latest tag`
	r.path == ["services", "admin", "image"]
}

test_untagged_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres"}}}
	contains(r.msg, "without a tag or digest")
}

test_variable_default_resolved if {
	count(policy.deny) == 1 with input as {"services": {"a": {"image": "app:${TAG:-latest}"}}}
	count(policy.deny) == 0 with input as {"services": {"a": {"image": "app:${TAG:-1.2}"}}}
}

test_pinned_passes if {
	inp := {"services": {
		"a": {"image": "registry.example.com/shop/orders-api:1.8.2"},
		"b": {"image": "postgres@sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914"},
		"c": {"build": "."},
		"d": {"image": "app:${TAG}"},
		"e": {"image": "localhost:5000/app:2"},
	}}
	count(policy.deny) == 0 with input as inp
}

# `image` next to `build` names the image compose builds, so there is no pulled tag to pin.
test_built_image_skipped if {
	count(policy.deny) == 0 with input as {"services": {"web": {"build": ".", "image": "acme/web"}, "api": {"build": {"context": "api"}, "image": "acme/api:latest"}}}
}

test_several_services_each_reported if {
	r := policy.deny with input as {"services": {"a": {"image": "nginx"}, "b": {"image": "redis:latest"}, "c": {"image": "postgres:16"}}}
	{x.path | some x in r} == {["services", "a", "image"], ["services", "b", "image"]}
}
