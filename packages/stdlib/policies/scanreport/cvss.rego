# METADATA
# title: Vulnerabilities at or above the CVSS threshold
# description: >-
#   A vulnerability's highest CVSS v3/v4 base score (v2 when nothing newer exists) from any
#   source is at or above `vuln_cvss_threshold` (default 9.0). Reads Trivy `CVSS.*.V3Score` and
#   Grype `cvss[].metrics.baseScore`. `vuln_ignore_unfixed` applies.
# custom:
#   id: SR-007
#   severity: HIGH
#   input: [trivy, grype]
#   remediation: Update the affected package to a fixed version and rebuild the image.
#   references:
#     - https://www.first.org/cvss/
#     - https://trivy.dev/latest/docs/configuration/reporting/#json
#     - https://github.com/anchore/grype
#   related: [TRV CVSS V3Score, GRY cvss baseScore]
#   profiles: [recommended]
package palisade.scanreport.cvss

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

deny contains res if {
	threshold := config.get("vuln_cvss_threshold", 9)
	some f in vulns.findings
	is_number(f.cvss)
	f.cvss >= threshold
	vulns.gated(f)
	res := result.new(sprintf("%s has CVSS %v (threshold %v)", [vulns.describe(f), f.cvss, threshold]), f.cause)
}
