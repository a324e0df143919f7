# METADATA
# title: Image without verified SLSA provenance from a trusted builder
# description: >-
#   SLSA provenance attestations (cosign verify-attestation output or Palisade `verifications`)
#   must be verified and name a builder in `trusted_builders` and a source repository in
#   `trusted_source_repos` (prefixes; empty = not checked). With `require_provenance: true`,
#   every image deployed by a manifest of the scan needs verified provenance.
# custom:
#   id: RS-005
#   severity: MEDIUM
#   input: [json, yaml, kubernetes, compose]
#   remediation: Generate SLSA provenance in CI (e.g. slsa-github-generator or BuildKit `--provenance`), attest it with cosign, and verify it before deploying.
#   references:
#     - https://slsa.dev/spec/v1.0/provenance
#     - https://docs.sigstore.dev/cosign/verifying/attestation/
#     - https://kyverno.io/policies/other/verify-image-slsa/verify-image-slsa/
#   related: [KYV verify-image-slsa]
#   profiles: [recommended]
package palisade.supplychain.provenance

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.supplychain

deny contains res if {
	some r in supplychain.attestations_here("provenance")
	r.verified == false
	res := result.new(sprintf("provenance attestation of %s failed verification%s", [r.image, error_text(r)]), r.cause)
}

deny contains res if {
	trusted := config.get("trusted_builders", [])
	count(trusted) > 0
	some r in supplychain.attestations_here("provenance")
	r.verified == true
	id := builder_id(r.predicate)
	not prefixed(id, trusted)
	res := result.new(sprintf("provenance of %s names builder %q, which is not in trusted_builders", [r.image, id]), r.cause)
}

deny contains res if {
	trusted := config.get("trusted_source_repos", [])
	count(trusted) > 0
	some r in supplychain.attestations_here("provenance")
	r.verified == true
	repo := source_repo(r.predicate)
	not prefixed(repo, trusted)
	res := result.new(sprintf("provenance of %s names source %q, which is not in trusted_source_repos", [r.image, repo]), r.cause)
}

deny contains res if {
	config.get("require_provenance", false) == true
	some x in supplychain.images_here
	count(supplychain.attestations(x.ref, "provenance")) == 0
	res := supplychain.image_result(sprintf("%s uses image %s, which has no verified SLSA provenance", [x.label, x.ref]), x)
}

# SLSA v1 `runDetails.builder.id`, v0.2 `builder.id`.
builder_id(p) := id if {
	id := p.runDetails.builder.id
	is_string(id)
} else := id if {
	id := p.builder.id
	is_string(id)
} else := "unknown"

# SLSA v1 GitHub workflow repository (or resolved dependency URI); v0.2 configSource.uri.
source_repo(p) := s if {
	s := p.buildDefinition.externalParameters.workflow.repository
	is_string(s)
} else := s if {
	s := p.buildDefinition.resolvedDependencies[0].uri
	is_string(s)
} else := s if {
	s := p.invocation.configSource.uri
	is_string(s)
} else := "unknown"

prefixed(s, prefixes) if {
	some prefix in prefixes
	is_string(prefix)
	startswith(s, prefix)
}

error_text(r) := sprintf(": %s", [r.error]) if r.error != ""

else := ""
