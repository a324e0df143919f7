# METADATA
# title: Failed misconfigurations in the scan report
# description: >-
#   Trivy's misconfiguration scanner reports a FAIL result at or above
#   `misconfig_severity_threshold` (default HIGH) (`Results[].Misconfigurations[]`).
# custom:
#   id: SR-011
#   severity: HIGH
#   input: [trivy]
#   remediation: Fix the configuration Trivy points at (see the check's documentation) or waive it with a reason.
#   references:
#     - https://trivy.dev/latest/docs/scanner/misconfiguration/
#   related: [TRV Misconfigurations Status]
#   profiles: [recommended]
package palisade.scanreport.misconfig_in_report

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

deny contains res if {
	vulns.report_kind == "trivy"
	threshold := upper(config.get("misconfig_severity_threshold", "HIGH"))
	some r in input.Results
	is_object(r)
	some m in object.get(r, "Misconfigurations", [])
	is_object(m)
	m.Status == "FAIL"
	sev := vulns.normalize_severity(vulns.str(m, "Severity", "UNKNOWN"))
	vulns.severity_at_least(sev, threshold)
	res := result.new(sprintf("%s %s (%s) in %s: %s", [check_id(m), vulns.str(m, "Title", "misconfiguration"), sev, vulns.str(r, "Target", "a file"), vulns.str(m, "Message", "failed")]), m)
}

check_id(m) := vulns.str(m, "AVDID", vulns.str(m, "ID", "unknown check"))
