# METADATA
# title: Compose image from a registry outside the allowlist
# description: >-
#   A compose service's image comes from a registry or repository outside `allowed_registries`
#   (hosts such as `ghcr.io` or prefixes such as `ghcr.io/acme`, matched on path boundaries; empty
#   = no allowlist) or inside `denied_registries`. Docker Hub short names count as `docker.io`.
#   Kubernetes workloads and Dockerfiles have their own checks (KW-036, DF-003).
# custom:
#   id: RS-003
#   severity: MEDIUM
#   input: [compose]
#   remediation: Pull the image through your private registry or an allowed mirror, or add the registry to allowed_registries.
#   references:
#     - https://kyverno.io/policies/best-practices/restrict-image-registries/restrict-image-registries/
#     - https://open-policy-agent.github.io/gatekeeper-library/website/validation/allowedrepos/
#   related: [KSV-0125, GK allowedrepos, GK disallowedrepos, KYV restrict-image-registries, DL3026, KW-036, DF-003]
#   profiles: [recommended]
package palisade.supplychain.registry_allowlist

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.images
import data.palisade.lib.supplychain

deny contains res if {
	allowed := config.get("allowed_registries", [])
	count(allowed) > 0
	some x in supplychain.images_here
	supplychain.doc_kind == "compose"
	not images.has_variable(x.ref)
	not images.registry_allowed(x.ref, allowed)
	res := supplychain.image_result(sprintf("%s uses image %s from %s, which is not in allowed_registries", [x.label, x.ref, images.parse(x.ref).registry]), x)
}

deny contains res if {
	denied := config.get("denied_registries", [])
	some x in supplychain.images_here
	supplychain.doc_kind == "compose"
	images.registry_allowed(x.ref, denied)
	res := supplychain.image_result(sprintf("%s uses image %s from a denied registry (%s)", [x.label, x.ref, images.parse(x.ref).name]), x)
}
