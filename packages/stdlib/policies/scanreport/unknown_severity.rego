# METADATA
# title: Vulnerabilities of unknown severity
# description: >-
#   A vulnerability has no severity rating (Trivy/Grype `UNKNOWN`), so no severity threshold can
#   gate it. Set `vuln_unknown_severity_as` to a severity (e.g. HIGH) to gate such findings like
#   rated ones instead; this check then passes. Grype's "Negligible" counts as LOW.
# custom:
#   id: SR-017
#   severity: LOW
#   input: [trivy, grype]
#   remediation: Look the vulnerability up (vendor advisory, NVD) and patch or waive it, or map unknown severities with `vuln_unknown_severity_as`.
#   references:
#     - https://trivy.dev/latest/docs/scanner/vulnerability/#severity-selection
#     - https://github.com/anchore/grype
#   related: [TRV UNKNOWN, GRY Unknown]
#   profiles: [recommended]
package palisade.scanreport.unknown_severity

import rego.v1

import data.palisade.lib.vulns

deny contains res if {
	vulns.unknown_as == "UNKNOWN"
	some f in vulns.findings
	f.severity == "UNKNOWN"
	res := result.new(sprintf("%s has no severity rating; triage it or set vuln_unknown_severity_as", [vulns.describe(f)]), f.cause)
}
