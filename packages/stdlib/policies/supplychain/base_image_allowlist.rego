# METADATA
# title: Image built on a base outside the allowlist
# description: >-
#   When `allowed_base_images` is set (image names or repository prefixes, e.g.
#   `cgr.dev/chainguard` or `docker.io/library/alpine`), the image's OCI label
#   `org.opencontainers.image.base.name` must name one of them; an image that does not declare
#   its base fails. Reads `docker image inspect` objects and the image config of Trivy reports.
# custom:
#   id: RS-008
#   severity: MEDIUM
#   input: [docker-inspect, trivy]
#   remediation: Rebuild on an approved base image and record it in the org.opencontainers.image.base.name label (BuildKit and many build tools set it).
#   references:
#     - https://github.com/opencontainers/image-spec/blob/main/annotations.md
#     - https://kyverno.io/policies/other/allowed-base-images/allowed-base-images/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [KYV allowed-base-images, CIS 4.2]
#   profiles: [recommended, cis-docker]
package palisade.supplychain.base_image_allowlist

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.images
import data.palisade.lib.supplychain

label := "org.opencontainers.image.base.name"

deny contains res if {
	allowed := config.get("allowed_base_images", [])
	count(allowed) > 0
	img := supplychain.image_config
	base := img.labels[label]
	is_string(base)
	not images.registry_allowed(base, allowed)
	res := result.new(sprintf("image %s is built on %s, which is not in allowed_base_images", [img.name, base]), img.cause)
}

deny contains res if {
	count(config.get("allowed_base_images", [])) > 0
	img := supplychain.image_config
	not is_string(object.get(img, ["labels", label], null))
	res := result.new(sprintf("image %s does not declare its base image (label %s)", [img.name, label]), img.cause)
}
