package palisade.lib.images_test

import rego.v1

import data.palisade.lib.images

test_parse_official_image_without_tag if {
	images.parse("nginx") == {
		"registry": "docker.io", "repository": "library/nginx", "tag": "latest",
		"digest": "", "name": "docker.io/library/nginx",
	}
}

test_parse_hub_user_repo_with_tag if {
	p := images.parse("bitnami/redis:7.2")
	p.registry == "docker.io"
	p.repository == "bitnami/redis"
	p.tag == "7.2"
}

test_parse_explicit_docker_io_gets_library_prefix if {
	images.parse("docker.io/nginx:1.27").name == "docker.io/library/nginx"
	images.parse("index.docker.io/library/nginx").registry == "docker.io"
}

test_parse_registry_with_port_and_no_tag if {
	p := images.parse("localhost:5000/team/app")
	p.registry == "localhost:5000"
	p.repository == "team/app"
	p.tag == "latest"
}

test_parse_localhost_registry if {
	images.parse("localhost/app:1").registry == "localhost"
}

test_parse_digest_without_tag if {
	d := "sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914"
	p := images.parse(concat("@", ["gcr.io/distroless/static", d]))
	p.registry == "gcr.io"
	p.repository == "distroless/static"
	p.tag == ""
	p.digest == d
}

test_parse_tag_and_digest if {
	p := images.parse("python:3.12@sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914")
	p.tag == "3.12"
	p.repository == "library/python"
}

test_parse_undefined_for_empty_and_non_string if {
	not images.parse("")
	not images.parse(null)
	not images.parse(42)
}

test_uses_latest if {
	images.uses_latest("ubuntu")
	images.uses_latest("ubuntu:latest")
	images.uses_latest("registry.example.com:443/ubuntu")
	not images.uses_latest("ubuntu:24.04")
	not images.uses_latest("ubuntu:latest@sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914")
}

test_has_tag if {
	images.has_tag("ubuntu:latest")
	not images.has_tag("localhost:5000/ubuntu")
	not images.has_tag("ubuntu@sha256:abc")
}

test_is_digest_pinned if {
	images.is_digest_pinned("alpine@sha256:2fba8e70a87bcc9f6edd20dda0a1d4adb32046d2acbca7361bc61da5a106a914")
	not images.is_digest_pinned("alpine:3.20")
	not images.is_digest_pinned("alpine@sha256:short")
}

test_registry_allowed_by_host if {
	images.registry_allowed("ghcr.io/acme/app:1", ["ghcr.io"])
	images.registry_allowed("nginx", ["docker.io"])
	not images.registry_allowed("quay.io/acme/app", ["ghcr.io", "docker.io"])
}

test_registry_allowed_by_prefix_on_path_boundary if {
	images.registry_allowed("ghcr.io/acme/app:1", ["ghcr.io/acme/"])
	not images.registry_allowed("ghcr.io/acme-evil/app:1", ["ghcr.io/acme"])
	images.registry_allowed("nginx:1.27", ["index.docker.io/library"])
}

test_registry_allowed_wildcard_and_empty if {
	images.registry_allowed("anything.example/x", ["*"])
	not images.registry_allowed("nginx", [])
}

test_has_variable if {
	images.has_variable("${BASE}:1")
	not images.has_variable("alpine:3")
}
