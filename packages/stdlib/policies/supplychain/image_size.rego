# METADATA
# title: Oversized image
# description: >-
#   The image (`docker image inspect` `Size`) is larger than `max_image_size_mb` (default 2048,
#   as Kyverno's block-large-images). Large images pull slowly and usually carry tools and
#   packages the workload does not need, each a potential vulnerability. Advisory.
# custom:
#   id: RS-011
#   severity: INFO
#   input: [docker-inspect]
#   remediation: Use a slim or distroless base image and a multi-stage build that copies only the runtime artifacts.
#   references:
#     - https://kyverno.io/policies/other/block-large-images/block-large-images/
#     - https://docs.docker.com/build/building/multi-stage/
#   related: [KYV block-large-images]
#   profiles: [recommended]
package palisade.supplychain.image_size

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.supplychain

warn contains res if {
	max_mb := config.get("max_image_size_mb", 2048)
	img := supplychain.image_config
	is_number(img.size)
	size_mb := img.size / 1048576
	size_mb > max_mb
	res := result.new(sprintf("image %s is %d MB, larger than the %v MB limit", [img.name, floor(size_mb), max_mb]), img.cause)
}
