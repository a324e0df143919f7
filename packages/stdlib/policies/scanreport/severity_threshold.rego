# METADATA
# title: Vulnerabilities at or above the severity threshold
# description: >-
#   The scan report lists a vulnerability at or above `vuln_severity_threshold` (default CRITICAL),
#   the gate `trivy --severity … --exit-code 1` and `grype --fail-on` apply. With
#   `vuln_ignore_unfixed: true` vulnerabilities without a released fix are left out.
# custom:
#   id: SR-001
#   severity: CRITICAL
#   input: [trivy, grype]
#   remediation: Update the affected packages (or the base image) to the fixed versions and rebuild, or waive the finding with a reason and an expiry.
#   references:
#     - https://trivy.dev/latest/docs/configuration/filtering/#by-severity
#     - https://github.com/anchore/grype#gating-on-severity-of-vulnerabilities
#     - https://www.cisecurity.org/benchmark/docker
#   related: [VULN-CRITICAL, CIS 4.4, TRV --severity, GRY --fail-on]
#   profiles: [recommended, cis-docker]
package palisade.scanreport.severity_threshold

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

deny contains res if {
	threshold := upper(config.get("vuln_severity_threshold", "CRITICAL"))
	some f in vulns.findings
	vulns.at_least(f, threshold)
	vulns.gated(f)
	res := result.new(sprintf("%s is at or above the %s threshold", [vulns.describe(f), threshold]), f.cause)
}
