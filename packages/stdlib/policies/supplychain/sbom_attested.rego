# METADATA
# title: Image without a verified SBOM attestation
# description: >-
#   With `require_sbom_attestation: true`, every image deployed by a manifest of the scan needs a
#   verified CycloneDX or SPDX attestation among the verification results; a failed SBOM
#   attestation verification always fails.
# custom:
#   id: RS-006
#   severity: LOW
#   input: [json, yaml, kubernetes, compose]
#   remediation: Generate an SBOM in CI (syft, trivy, docker buildx --sbom), attach it with `cosign attest --type cyclonedx|spdxjson`, and verify it.
#   references:
#     - https://docs.sigstore.dev/cosign/verifying/attestation/
#     - https://kyverno.io/policies/other/verify-sbom-cyclonedx/verify-sbom-cyclonedx/
#   related: [KYV verify-sbom-cyclonedx]
#   profiles: [recommended]
package palisade.supplychain.sbom_attested

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.supplychain

deny contains res if {
	some r in supplychain.attestations_here("sbom")
	r.verified == false
	res := result.new(sprintf("SBOM attestation of %s failed verification", [r.image]), r.cause)
}

deny contains res if {
	config.get("require_sbom_attestation", false) == true
	some x in supplychain.images_here
	count(supplychain.attestations(x.ref, "sbom")) == 0
	res := supplychain.image_result(sprintf("%s uses image %s, which has no verified SBOM attestation", [x.label, x.ref]), x)
}
