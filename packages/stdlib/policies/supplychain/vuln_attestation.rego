# METADATA
# title: Image without a fresh vulnerability-scan attestation
# description: >-
#   A cosign vulnerability attestation (`https://cosign.sigstore.dev/attestation/vuln/v1`) must be
#   verified and its scan finished (`predicate.metadata.scanFinishedOn`) within
#   `vuln_attestation_max_age_hours` (default 168). With `require_vuln_attestation: true`, every
#   image deployed by a manifest of the scan needs one. The scan results themselves are gated
#   by the SR checks when the report is part of the scan.
# custom:
#   id: RS-007
#   severity: MEDIUM
#   input: [json, yaml, kubernetes, compose]
#   remediation: Scan the image in CI, attest the result with `cosign attest --type vuln`, and re-scan at least weekly.
#   references:
#     - https://github.com/sigstore/cosign/blob/main/specs/COSIGN_VULN_ATTESTATION_SPEC.md
#     - https://kyverno.io/policies/other/require-vulnerability-scan/require-vulnerability-scan/
#   related: [KYV require-vulnerability-scan, SR-014]
#   profiles: [recommended]
package palisade.supplychain.vuln_attestation

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.supplychain
import data.palisade.lib.vulns

max_hours := config.get("vuln_attestation_max_age_hours", 168)

deny contains res if {
	some r in supplychain.attestations_here("vuln")
	r.verified == false
	res := result.new(sprintf("vulnerability attestation of %s failed verification", [r.image]), r.cause)
}

deny contains res if {
	some r in supplychain.attestations_here("vuln")
	r.verified == true
	not fresh(r)
	res := result.new(sprintf("vulnerability scan attested for %s finished %s, more than %v hours ago (or has no scanFinishedOn)", [r.image, finished(r), max_hours]), r.cause)
}

deny contains res if {
	config.get("require_vuln_attestation", false) == true
	some x in supplychain.images_here
	not has_fresh(x.ref)
	res := supplychain.image_result(sprintf("%s uses image %s, which has no fresh verified vulnerability-scan attestation", [x.label, x.ref]), x)
}

has_fresh(ref) if {
	some r in supplychain.attestations(ref, "vuln")
	fresh(r)
}

fresh(r) if {
	(time.now_ns() - vulns.to_ns(r.predicate.metadata.scanFinishedOn)) <= max_hours * vulns.hours_ns
}

finished(r) := s if {
	s := r.predicate.metadata.scanFinishedOn
	is_string(s)
} else := "at an unknown time"
