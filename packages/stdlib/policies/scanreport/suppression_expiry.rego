# METADATA
# title: Vulnerability suppression unscoped or without expiry
# description: >-
#   Every entry of a `.trivyignore.yaml` or of a Grype configuration's `ignore` list must name
#   one vulnerability for specific packages or paths (`paths`/`purls`; Grype `package`) and carry
#   an expiry date (Trivy `expired_at`; for Grype, which has no expiry, Palisade reads `expires`).
#   An expired suppression fails too: the vulnerability must be re-assessed.
# custom:
#   id: SR-003
#   severity: HIGH
#   input: [yaml, json]
#   remediation: Scope the suppression to the affected package (purl) or path and add an expiry date; renew or remove expired entries.
#   references:
#     - https://trivy.dev/latest/docs/configuration/filtering/#trivyignoreyaml
#     - https://github.com/anchore/grype#specifying-matches-to-ignore
#   related: [TRV .trivyignore exp, TRV .trivyignore.yaml expired_at, GRY ignore]
#   profiles: [recommended]
package palisade.scanreport.suppression_expiry

import rego.v1

import data.palisade.lib.vulns

deny contains res if {
	some s in vulns.suppressions
	s.expires == ""
	res := result.new(sprintf("%s suppression of %s has no expiry date", [s.tool, s.id]), s.cause)
}

deny contains res if {
	some s in vulns.suppressions
	s.expires != ""
	not vulns.to_ns(s.expires)
	res := result.new(sprintf("%s suppression of %s has an unreadable expiry date %q (use YYYY-MM-DD)", [s.tool, s.id, s.expires]), s.cause)
}

deny contains res if {
	some s in vulns.suppressions
	vulns.to_ns(s.expires) < time.now_ns()
	res := result.new(sprintf("%s suppression of %s expired on %s", [s.tool, s.id, s.expires]), s.cause)
}

deny contains res if {
	some s in vulns.suppressions
	not s.scoped
	res := result.new(sprintf("%s suppression of %s applies to every package and path", [s.tool, s.id]), s.cause)
}
