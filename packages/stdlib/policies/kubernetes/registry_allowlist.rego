# METADATA
# title: Image from an untrusted registry
# description: >-
#   A container image comes from a registry (or repository) that is not in the configured
#   `allowed_registries` list. The check is silent until that list is configured.
# custom:
#   id: KW-036
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Pull the image through one of the approved registries (mirror it there), or add the registry to `allowed_registries`.
#   references:
#     - https://kubernetes.io/docs/concepts/containers/images/
#     - https://avd.aquasec.com/misconfig/ksv125
#     - https://kyverno.io/policies/best-practices/restrict-image-registries/restrict-image-registries/
#   related: [KSV-0125, kyverno:restrict-image-registries, gatekeeper:allowedrepos]
#   profiles: [recommended]
package palisade.kubernetes.registry_allowlist

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.images
import data.palisade.lib.kubernetes as k8s

# allowed_registries: hosts ("ghcr.io") or registry/repository prefixes ("docker.io/library");
# Docker Hub images without a host are docker.io.
deny contains res if {
	k8s.in_scope
	allowed := config.get("allowed_registries", [])
	count(allowed) > 0
	some entry in k8s.containers
	ref := entry.container.image
	images.parse(ref)
	not images.registry_allowed(ref, allowed)
	res := k8s.image_result(sprintf("%s uses image %s from registry %s, which is not in allowed_registries", [k8s.describe(entry), ref, images.parse(ref).registry]), entry)
}
