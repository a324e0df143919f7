# METADATA
# title: Known exploited vulnerabilities
# description: >-
#   A vulnerability in the report is in CISA's Known Exploited Vulnerabilities catalog (Grype's
#   `knownExploited`): it is being exploited in the wild, whatever its CVSS score. Trivy reports
#   carry no KEV data, so this check only fires on Grype reports.
# custom:
#   id: SR-005
#   severity: CRITICAL
#   input: [grype]
#   remediation: Patch the package now (CISA sets due dates of days to weeks for KEV entries); if no fix exists, apply the vendor mitigation or remove the component.
#   references:
#     - https://www.cisa.gov/known-exploited-vulnerabilities-catalog
#     - https://github.com/anchore/grype
#   related: [GRY knownExploited]
#   profiles: [recommended]
package palisade.scanreport.kev

import rego.v1

import data.palisade.lib.vulns

deny contains res if {
	some f in vulns.findings
	f.kev == true
	res := result.new(sprintf("%s is a known exploited vulnerability (CISA KEV)", [vulns.describe(f)]), f.cause)
}
