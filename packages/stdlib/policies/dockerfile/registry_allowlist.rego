# METADATA
# title: Base image from a registry outside the allowlist
# description: FROM pulls the base image from a registry outside the configured allowlist (`allowed_registries`). Without an allowlist configured the check is off.
# custom:
#   id: DF-003
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Pull base images from an approved (ideally internal, mirrored) registry, or add the registry to `allowed_registries` in palisade.yaml.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3026
#     - https://www.cisecurity.org/benchmark/docker
#   related: [DL3026, CIS-4.2, k8sallowedrepos]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.registry_allowlist

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.docker
import data.palisade.lib.images

deny contains res if {
	allowed := config.get("allowed_registries", [])
	count(allowed) > 0
	some img in docker.external_images
	not images.registry_allowed(img.image, allowed)
	msg := sprintf("%s pulls %q from registry %q, which is not in allowed_registries", [docker.stage_label(img.index), img.image, img.ref.registry])
	res := result.new(msg, img.from)
}
