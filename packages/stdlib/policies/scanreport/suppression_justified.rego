# METADATA
# title: Vulnerability suppression without justification
# description: >-
#   Every suppression says why the finding does not apply: a `statement` in `.trivyignore.yaml`,
#   a `reason` or `vex-justification` in a Grype `ignore` rule. In reports, findings Trivy
#   suppressed (`--show-suppressed`: `ExperimentalModifiedFindings`) need a `Statement`, and Grype
#   `ignoredMatches` need an applied rule with a reason or VEX justification.
# custom:
#   id: SR-004
#   severity: MEDIUM
#   input: [yaml, json, trivy, grype]
#   remediation: Add a statement (Trivy) or reason / vex-justification (Grype) explaining why the vulnerability does not apply.
#   references:
#     - https://trivy.dev/latest/docs/configuration/filtering/#trivyignoreyaml
#     - https://github.com/anchore/grype#specifying-matches-to-ignore
#     - https://trivy.dev/latest/docs/supply-chain/vex/
#   related: [TRV statement, GRY reason, GRY vex-justification]
#   profiles: [recommended]
package palisade.scanreport.suppression_justified

import rego.v1

import data.palisade.lib.vulns

deny contains res if {
	some s in vulns.suppressions
	s.reason == ""
	res := result.new(sprintf("%s suppression of %s has no reason/statement", [s.tool, s.id]), s.cause)
}

deny contains res if {
	vulns.report_kind == "trivy"
	some r in input.Results
	some m in r.ExperimentalModifiedFindings
	is_object(m)
	vulns.str(m, "Statement", "") == ""
	id := modified_id(m)
	res := result.new(sprintf("%s suppressed %s in %s without a statement", [vulns.str(m, "Source", "trivy"), id, vulns.artifact]), m)
}

deny contains res if {
	vulns.report_kind == "grype"
	some m in input.ignoredMatches
	is_object(m)
	not justified(m)
	id := vulns.str(object.get(m, "vulnerability", {}), "id", "a vulnerability")
	res := result.new(sprintf("grype ignored %s in %s without a reason", [id, vulns.artifact]), m)
}

modified_id(m) := id if {
	id := m.Finding.VulnerabilityID
	is_string(id)
} else := id if {
	id := m.Finding.RuleID
	is_string(id)
} else := id if {
	id := m.Finding.ID
	is_string(id)
} else := "a finding"

justified(m) if {
	some rule in m.appliedIgnoreRules
	vulns.grype_rule_reason(rule) != ""
}
