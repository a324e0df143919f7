package palisade.supplychain.base_image_allowlist_test

import rego.v1

import data.palisade.supplychain.base_image_allowlist as p

image(labels) := {"Id": "sha256:abc", "RepoTags": ["acme/app:1"], "Created": "2024-01-01T00:00:00Z", "Size": 1000, "Config": {"Labels": labels}}

cfg := {"allowed_base_images": ["cgr.dev/chainguard", "docker.io/library/alpine"]}

test_allowed_base_passes if {
	count(p.deny) == 0 with input as image({"org.opencontainers.image.base.name": "cgr.dev/chainguard/static:latest"}) with data.palisade.config as cfg
	count(p.deny) == 0 with input as image({"org.opencontainers.image.base.name": "alpine:3.20"}) with data.palisade.config as cfg
}

test_other_base_fails if {
	img := image({"org.opencontainers.image.base.name": "ubuntu:22.04"})
	[r] := [r | some r in p.deny] with input as img with data.palisade.config as cfg
	r.msg == "image acme/app:1 is built on ubuntu:22.04, which is not in allowed_base_images"
	r.cause == img
}

test_missing_label_fails if {
	{r.msg | some r in p.deny} == {"image acme/app:1 does not declare its base image (label org.opencontainers.image.base.name)"} with input as image(null) with data.palisade.config as cfg
}

test_no_allowlist_passes if {
	count(p.deny) == 0 with input as image({})
}

test_containers_ignored if {
	count(p.deny) == 0 with input as object.union(image({}), {"State": {"Running": true}}) with data.palisade.config as cfg
}

test_trivy_image_config if {
	report := {"SchemaVersion": 2, "ArtifactName": "acme/app:1", "Metadata": {"ImageConfig": {"created": "2024-01-01T00:00:00Z", "config": {"Labels": {"org.opencontainers.image.base.name": "debian:12"}}}}, "Results": []}
	[r] := [r | some r in p.deny] with input as report with data.palisade.config as cfg with data.palisade.document as {"kind": "trivy"}
	r.msg == "image acme/app:1 is built on debian:12, which is not in allowed_base_images"
	r.cause == report.Metadata.ImageConfig
}
