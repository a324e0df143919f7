# METADATA
# title: Fixable vulnerabilities past the fix SLA
# description: >-
#   A vulnerability with a fix has been known longer than the remediation deadline for its
#   severity in `vuln_fix_sla_days` (default CRITICAL 15, HIGH 30, MEDIUM 90 days; severities
#   not listed are not checked). The clock starts at the first fix date (Grype
#   `fix.available[].date`), else the publication date (Trivy `PublishedDate`).
# custom:
#   id: SR-009
#   severity: MEDIUM
#   input: [trivy, grype]
#   remediation: Update the package to the fixed version; the fix has been available longer than the agreed remediation window.
#   references:
#     - https://www.cisa.gov/news-events/directives/bod-19-02-vulnerability-remediation-requirements-internet-accessible-systems
#     - https://trivy.dev/latest/docs/configuration/reporting/#json
#   related: []
#   profiles: [recommended]
package palisade.scanreport.fix_sla

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

default_sla := {"CRITICAL": 15, "HIGH": 30, "MEDIUM": 90}

deny contains res if {
	sla := config.get("vuln_fix_sla_days", default_sla)
	some f in vulns.findings
	f.has_fix
	days := sla[vulns.effective_severity(f)]
	is_number(days)
	since := start(f)
	age_days := floor((time.now_ns() - vulns.to_ns(since)) / vulns.days_ns)
	age_days > days
	res := result.new(sprintf("%s has had a fix for %d days (since %s); the %s deadline is %d days", [vulns.describe(f), age_days, since, vulns.effective_severity(f), days]), f.cause)
}

start(f) := f.fix_date if {
	vulns.to_ns(f.fix_date)
} else := f.published if {
	vulns.to_ns(f.published)
}
