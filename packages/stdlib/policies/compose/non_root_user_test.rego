package palisade.compose.non_root_user_test

import rego.v1

import data.palisade.compose.non_root_user as policy
import data.palisade.lib.testing.dockerfile as df

test_root_user_denied if {
	some r in policy.deny with input as {"services": {"app": {"image": "x:1", "user": "root"}}}
	r.msg == `service "app" runs as root (user: root)`
	r.path == ["services", "app", "user"]
}

test_uid_zero_forms_denied if {
	count(policy.deny) == 2 with input as {"services": {"a": {"user": 0}, "b": {"user": "0:0"}}}
}

test_unset_user_denied if {
	some r in policy.deny with input as {"services": {"db": {"image": "postgres:16"}}}
	r.msg == `service "db" does not set user, so it runs as the image's default user (often root)`
	r.cause.image == "postgres:16"
}

test_non_root_user_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"user": "10001:10001"}, "b": {"user": 1000}, "c": {"user": "app"}}}
}

test_nonroot_image_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"image": "gcr.io/distroless/static-debian12:nonroot"}}}
}

_doc := {"path": "deploy/compose.yaml", "kind": "compose", "index": 0}

_dockerfile(path, lines) := {"path": path, "kind": "dockerfile", "index": 0, "value": df.dockerfile(lines)}

test_build_dockerfile_with_user_passes if {
	inv := [_dockerfile("deploy/app/Dockerfile", ["FROM alpine:3.20", "USER 10001"])]
	inp := {"services": {"app": {"build": "./app"}}}
	count(policy.deny) == 0 with input as inp with data.palisade.document as _doc with data.palisade.inventory as inv
}

test_build_object_with_custom_dockerfile_passes if {
	inv := [_dockerfile("deploy/Dockerfile.prod", ["FROM alpine:3.20", "USER app"])]
	inp := {"services": {"app": {"build": {"context": ".", "dockerfile": "Dockerfile.prod"}}}}
	count(policy.deny) == 0 with input as inp with data.palisade.document as _doc with data.palisade.inventory as inv
}

test_build_dockerfile_running_as_root_denied if {
	inv := [_dockerfile("deploy/app/Dockerfile", ["FROM alpine:3.20", "USER root"])]
	inp := {"services": {"app": {"build": {"context": "app"}}}}
	count(policy.deny) == 1 with input as inp with data.palisade.document as _doc with data.palisade.inventory as inv
}

test_build_dockerfile_not_scanned_denied if {
	inp := {"services": {"app": {"build": "./app"}}}
	count(policy.deny) == 1 with input as inp with data.palisade.document as _doc with data.palisade.inventory as []
}

test_compose_at_scan_root_finds_dockerfile if {
	inv := [_dockerfile("./app/Dockerfile", ["FROM alpine:3.20", "USER 10001"])]
	inp := {"services": {"app": {"build": "app"}}}
	count(policy.deny) == 0 with input as inp with data.palisade.document as {"path": "compose.yaml"} with data.palisade.inventory as inv
}
