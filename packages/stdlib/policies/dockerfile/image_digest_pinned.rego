# METADATA
# title: Base image without digest
# description: FROM references the base image by tag only; a tag can be moved to different content, a `@sha256:` digest cannot. Images on `latest` or without a tag are DF-001's finding, not this one's.
# custom:
#   id: DF-002
#   severity: LOW
#   input: [dockerfile]
#   remediation: Append the image digest (`FROM python:3.12-slim@sha256:…`) and let a bot such as Renovate or Dependabot update it.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
#     - https://docs.docker.com/reference/dockerfile/#from
#   related: [require-image-checksum, CKV_K8S_43]
#   profiles: [cis-docker]
package palisade.dockerfile.image_digest_pinned

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.images

deny contains res if {
	some img in docker.external_images
	not images.is_digest_pinned(img.image)
	not images.uses_latest(img.image) # DF-001 reports it: one image, one finding
	msg := sprintf("%s uses base image %q without a digest", [docker.stage_label(img.index), img.image])
	res := result.new(msg, img.from)
}
