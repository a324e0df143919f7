package palisade.scanreport.kev_test

import rego.v1

import data.palisade.scanreport.kev as p

grype(ms) := {"matches": ms, "descriptor": {}, "source": {"target": {"userInput": "app:1"}}}

test_kev_fails if {
	m := {"vulnerability": {"id": "CVE-2021-44228", "severity": "Critical", "knownExploited": [{"cve": "CVE-2021-44228"}], "fix": {"versions": ["2.15.0"]}}, "artifact": {"name": "log4j-core", "version": "2.14.1"}}
	[r] := [r | some r in p.deny] with input as grype([m])
	r.cause == m
	r.msg == "CVE-2021-44228 (CRITICAL) in log4j-core 2.14.1 (fixed in 2.15.0) [app:1] is a known exploited vulnerability (CISA KEV)"
}

test_not_kev_passes if {
	count(p.deny) == 0 with input as grype([{"vulnerability": {"id": "CVE-1", "knownExploited": []}}])
	count(p.deny) == 0 with input as grype([{"vulnerability": {"id": "CVE-1", "knownExploited": null}}])
	count(p.deny) == 0 with input as grype([{"vulnerability": {"id": "CVE-1"}}])
}

test_trivy_has_no_kev if {
	count(p.deny) == 0 with input as {"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"VulnerabilityID": "CVE-2021-44228", "Severity": "CRITICAL"}]}]}
}
