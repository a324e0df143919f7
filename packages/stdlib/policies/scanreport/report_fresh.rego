# METADATA
# title: Stale scan report
# description: >-
#   The report is older than `report_max_age_hours` (default 168, a week), or Grype's
#   vulnerability database was built more than `vuln_db_max_age_hours` (default 120, Grype's own
#   limit) before the scan. New vulnerabilities are published daily, so a stale "clean" report
#   proves little.
# custom:
#   id: SR-014
#   severity: MEDIUM
#   input: [trivy, grype]
#   remediation: Re-scan the image with an updated vulnerability database as part of the pipeline that deploys it.
#   references:
#     - https://kyverno.io/policies/other/require-vulnerability-scan/require-vulnerability-scan/
#     - https://github.com/anchore/grype#checking-for-database-updates
#   related: [KYV require-vulnerability-scan, GRY descriptor.db]
#   profiles: [recommended]
package palisade.scanreport.report_fresh

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.vulns

deny contains res if {
	max_hours := config.get("report_max_age_hours", 168)
	created := vulns.created_at
	age := (time.now_ns() - vulns.to_ns(created)) / vulns.hours_ns
	age > max_hours
	res := {
		"msg": sprintf("scan report for %s was created %d hours ago (%s); the limit is %v hours", [vulns.artifact, floor(age), created, max_hours]),
		"path": created_path,
	}
}

deny contains res if {
	max_hours := config.get("vuln_db_max_age_hours", 120)
	built := vulns.db_built_at
	age := (vulns.to_ns(vulns.created_at) - vulns.to_ns(built)) / vulns.hours_ns
	age > max_hours
	res := {
		"msg": sprintf("scan of %s used a vulnerability database built %d hours before the scan (%s); the limit is %v hours", [vulns.artifact, floor(age), built, max_hours]),
		"path": ["descriptor", "db", "built"],
	}
}

created_path := ["CreatedAt"] if vulns.report_kind == "trivy"

created_path := ["descriptor", "timestamp"] if vulns.report_kind == "grype"
