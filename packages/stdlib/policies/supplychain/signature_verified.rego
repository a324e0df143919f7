# METADATA
# title: Image without a verified signature from a trusted signer
# description: >-
#   Verification results (cosign / notation JSON or Palisade's `verifications` document, see
#   docs/inputs.md) must show a verified signature from a signer in `trusted_signers`
#   (`{issuer, subject | subject_regexp, key}`; empty = any verified signature). Fails on failed
#   verifications, on signatures from other signers, and on images deployed by a manifest of the
#   scan that have no trusted signature — for every image when `require_signed_images` is true,
#   otherwise for images the scan holds verification results about.
# custom:
#   id: RS-001
#   severity: HIGH
#   input: [json, yaml, kubernetes, compose]
#   remediation: Sign the image in CI (cosign sign / notation sign) with a trusted key or keyless identity, verify it, and deploy it by digest.
#   references:
#     - https://docs.sigstore.dev/cosign/verifying/verify/
#     - https://notaryproject.dev/docs/user-guides/how-to/verify-image/
#     - https://kyverno.io/policies/other/verify-image/verify-image/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [KYV verify-image, CIS 4.5, CIS 4.12, CIS-DI-0005]
#   profiles: [recommended, cis-docker]
package palisade.supplychain.signature_verified

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.supplychain

trusted := [t | some t in config.get("trusted_signers", []); is_object(t)]

deny contains res if {
	some r in supplychain.records_here
	r.type == "signature"
	r.verified == false
	res := result.new(sprintf("%s signature verification of %s failed%s", [r.tool, r.image, error_text(r)]), r.cause)
}

deny contains res if {
	some r in supplychain.records_here
	r.type == "signature"
	r.verified == true
	not trusted_signer(r)
	res := result.new(sprintf("%s is signed by %s, which is not a trusted signer", [r.image, signer_text(r)]), r.cause)
}

deny contains res if {
	some x in supplychain.images_here
	required(x.ref)
	not signed(x.ref)
	res := supplychain.image_result(sprintf("%s uses image %s, which has no verified signature from a trusted signer", [x.label, x.ref]), x)
}

required(_) if config.get("require_signed_images", false) == true

required(ref) if supplychain.has_evidence(ref)

signed(ref) if {
	some r in supplychain.verified_records(ref, "signature")
	trusted_signer(r)
}

trusted_signer(_) if count(trusted) == 0

trusted_signer(r) if {
	some t in trusted
	signer_matches(t, r)
}

signer_matches(t, r) if {
	count({k | some k in ["issuer", "subject", "subject_regexp", "key"]; is_string(t[k])}) > 0
	field_ok(t, "issuer", r.issuer)
	field_ok(t, "subject", r.subject)
	field_ok(t, "key", r.key)
	regexp_ok(t, r.subject)
}

field_ok(t, k, _) if not is_string(object.get(t, k, null))

field_ok(t, k, v) if t[k] == v

regexp_ok(t, _) if not is_string(object.get(t, "subject_regexp", null))

regexp_ok(t, s) if regex.match(t.subject_regexp, s)

error_text(r) := sprintf(": %s", [r.error]) if r.error != ""

else := ""

signer_text(r) := concat(", ", [x |
	some [k, v] in [["issuer", r.issuer], ["subject", r.subject], ["key", r.key]]
	v != ""
	x := sprintf("%s %s", [k, v])
]) if {
	concat("", [r.issuer, r.subject, r.key]) != ""
} else := "an unknown signer"
