# METADATA
# title: Vulnerabilities with an available fix
# description: >-
#   A vulnerability at or above `vuln_fixable_severity_threshold` (default HIGH) has a released
#   fix that the image does not use yet: the gate of `trivy --ignore-unfixed` and
#   `grype --only-fixed`, so only actionable findings fail.
# custom:
#   id: SR-002
#   severity: HIGH
#   input: [trivy, grype]
#   remediation: Upgrade the package to the fixed version (update the base image or the dependency) and rebuild.
#   references:
#     - https://trivy.dev/latest/docs/configuration/filtering/#by-status
#     - https://github.com/anchore/grype#gating-on-severity-of-vulnerabilities
#   related: [TRV --ignore-unfixed, GRY --only-fixed]
#   profiles: [recommended]
package palisade.scanreport.fixable_only

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

deny contains res if {
	threshold := upper(config.get("vuln_fixable_severity_threshold", "HIGH"))
	some f in vulns.findings
	f.has_fix
	vulns.at_least(f, threshold)
	res := result.new(sprintf("%s has a fix available (severity threshold %s)", [vulns.describe(f), threshold]), f.cause)
}
