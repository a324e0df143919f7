package palisade.scanreport.cvss_test

import rego.v1

import data.palisade.scanreport.cvss as p

trivy(vs) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": [{"Target": "app", "Vulnerabilities": vs}]}

test_trivy_high_score_fails if {
	v := {"VulnerabilityID": "CVE-1", "PkgName": "curl", "InstalledVersion": "1", "Severity": "HIGH", "CVSS": {"nvd": {"V3Score": 9.8}, "redhat": {"V3Score": 7}}}
	[r] := [r | some r in p.deny] with input as trivy([v])
	r.cause == v
	r.msg == "CVE-1 (HIGH) in curl 1 (no fix: unknown) [app:1] has CVSS 9.8 (threshold 9)"
}

test_trivy_low_score_or_missing_passes if {
	count(p.deny) == 0 with input as trivy([{"VulnerabilityID": "CVE-1", "CVSS": {"nvd": {"V3Score": 5.3}}}])
	count(p.deny) == 0 with input as trivy([{"VulnerabilityID": "CVE-1"}])
}

test_v2_only_when_no_v3 if {
	count(p.deny) == 1 with input as trivy([{"VulnerabilityID": "CVE-1", "CVSS": {"nvd": {"V2Score": 10}}}])
	count(p.deny) == 0 with input as trivy([{"VulnerabilityID": "CVE-1", "CVSS": {"nvd": {"V2Score": 10, "V3Score": 7.5}}}])
}

test_grype_related_score if {
	m := {"vulnerability": {"id": "GHSA-1", "cvss": []}, "relatedVulnerabilities": [{"id": "CVE-1", "cvss": [{"metrics": {"baseScore": 10}}]}], "artifact": {"name": "x", "version": "1"}}
	[r] := [r | some r in p.deny] with input as {"matches": [m], "descriptor": {}}
	r.cause == m
}

test_threshold_config if {
	v := {"VulnerabilityID": "CVE-1", "CVSS": {"nvd": {"V3Score": 7.5}}}
	count(p.deny) == 1 with input as trivy([v]) with data.palisade.config as {"vuln_cvss_threshold": 7}
}

test_ignore_unfixed if {
	v := {"VulnerabilityID": "CVE-1", "Status": "affected", "CVSS": {"nvd": {"V3Score": 9.8}}}
	count(p.deny) == 0 with input as trivy([v]) with data.palisade.config as {"vuln_ignore_unfixed": true}
}
