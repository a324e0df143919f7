package palisade.scanreport.suppression_justified_test

import rego.v1

import data.palisade.scanreport.suppression_justified as p

test_trivyignore_without_statement if {
	x := {"id": "CVE-1", "paths": ["a"], "expired_at": "2199-01-01"}
	[r] := [r | some r in p.deny] with input as {"vulnerabilities": [x]}
	r.msg == "trivy suppression of CVE-1 has no reason/statement"
	r.cause == x
	count(p.deny) == 0 with input as {"vulnerabilities": [object.union(x, {"statement": "only used in tests"})]}
}

test_grype_rule_reason_or_vex if {
	x := {"vulnerability": "CVE-2", "package": {"name": "tar"}}
	{r.msg | some r in p.deny} == {"grype suppression of CVE-2 has no reason/statement"} with input as {"ignore": [x]}
	count(p.deny) == 0 with input as {"ignore": [object.union(x, {"reason": "no fix"})]}
	count(p.deny) == 0 with input as {"ignore": [object.union(x, {"vex-justification": "vulnerable_code_not_present"})]}
}

trivy_report(mods) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": [{"Target": "t", "ExperimentalModifiedFindings": mods}]}

test_trivy_report_suppressed_without_statement if {
	m := {"Type": "vulnerability", "Status": "not_affected", "Source": ".trivyignore.yaml", "Finding": {"VulnerabilityID": "CVE-3"}}
	[r] := [r | some r in p.deny] with input as trivy_report([m])
	r.msg == ".trivyignore.yaml suppressed CVE-3 in app:1 without a statement"
	r.cause == m
	count(p.deny) == 0 with input as trivy_report([object.union(m, {"Statement": "component not in use"})])
}

test_trivy_report_secret_suppressed if {
	m := {"Type": "secret", "Finding": {"RuleID": "aws-access-key-id"}}
	{r.msg | some r in p.deny} == {"trivy suppressed aws-access-key-id in app:1 without a statement"} with input as trivy_report([m])
}

grype_report(ignored) := {"matches": [], "ignoredMatches": ignored, "descriptor": {}, "source": {"target": {"userInput": "app:1"}}}

test_grype_ignored_match if {
	m := {"vulnerability": {"id": "CVE-4"}, "appliedIgnoreRules": [{"vulnerability": "CVE-4"}]}
	[r] := [r | some r in p.deny] with input as grype_report([m])
	r.msg == "grype ignored CVE-4 in app:1 without a reason"
	ok := {"vulnerability": {"id": "CVE-4"}, "appliedIgnoreRules": [{"vulnerability": "CVE-4", "vex-status": "not_affected", "vex-justification": "inline_mitigations_already_exist"}]}
	count(p.deny) == 0 with input as grype_report([ok])
}

test_grype_ignored_without_rules if {
	count(p.deny) == 1 with input as grype_report([{"vulnerability": {"id": "CVE-5"}}])
}

test_reports_are_not_ignore_files if {
	# A Grype report is not a Grype configuration, even though both are JSON objects.
	count(p.deny) == 0 with input as {"matches": [], "descriptor": {}, "ignore": [{"vulnerability": "x"}]} with data.palisade.document as {"kind": "grype"}
}
