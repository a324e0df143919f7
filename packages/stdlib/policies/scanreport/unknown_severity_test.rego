package palisade.scanreport.unknown_severity_test

import rego.v1

import data.palisade.scanreport.unknown_severity as p

trivy(vs) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": [{"Vulnerabilities": vs}]}

test_unknown_fails if {
	v := {"VulnerabilityID": "CVE-1", "PkgName": "x", "InstalledVersion": "1", "Severity": "UNKNOWN"}
	[r] := [r | some r in p.deny] with input as trivy([v])
	r.cause == v
	r.msg == "CVE-1 (UNKNOWN) in x 1 (no fix: unknown) [app:1] has no severity rating; triage it or set vuln_unknown_severity_as"
}

test_missing_severity_counts_as_unknown if {
	count(p.deny) == 1 with input as {"matches": [{"vulnerability": {"id": "CVE-2"}}], "descriptor": {}}
}

test_rated_and_negligible_pass if {
	count(p.deny) == 0 with input as trivy([{"VulnerabilityID": "CVE-1", "Severity": "LOW"}])
	count(p.deny) == 0 with input as {"matches": [{"vulnerability": {"id": "CVE-2", "severity": "Negligible"}}], "descriptor": {}}
}

test_mapped_unknown_passes if {
	count(p.deny) == 0 with input as trivy([{"VulnerabilityID": "CVE-1"}]) with data.palisade.config as {"vuln_unknown_severity_as": "high"}
	count(p.deny) == 1 with input as trivy([{"VulnerabilityID": "CVE-1"}]) with data.palisade.config as {"vuln_unknown_severity_as": "bogus"}
}
