# METADATA
# title: Base image on latest or untagged
# description: FROM uses the `latest` tag or no tag at all (after ARG defaults are applied), so every build may pull a different base image.
# custom:
#   id: DF-001
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Pin the base image to a specific version tag (e.g. `python:3.12.4-slim`) or, better, a digest.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
#     - https://github.com/hadolint/hadolint/wiki/DL3006
#     - https://github.com/hadolint/hadolint/wiki/DL3007
#     - https://avd.aquasec.com/misconfig/ds001
#   related: [DS-0001, DL3006, DL3007, CKV_DOCKER_7, DKL-DI-0006]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.image_tag_pinned

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.images

deny contains res if {
	some img in docker.external_images
	images.uses_latest(img.image)
	msg := sprintf("%s uses base image %q %s", [docker.stage_label(img.index), img.image, _how(img.image)])
	res := result.new(msg, img.from)
}

_how(ref) := "with the mutable latest tag" if images.has_tag(ref) else := "without a tag (implicitly latest)"
