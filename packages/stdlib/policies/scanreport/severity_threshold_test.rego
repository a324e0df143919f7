package palisade.scanreport.severity_threshold_test

import rego.v1

import data.palisade.scanreport.severity_threshold as p

trivy(vs) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": [{"Target": "app", "Vulnerabilities": vs}]}

grype(ms) := {"matches": ms, "descriptor": {"name": "grype"}, "source": {"target": {"userInput": "app:1"}}}

crit := {"VulnerabilityID": "CVE-1", "PkgName": "curl", "InstalledVersion": "1", "FixedVersion": "2", "Severity": "CRITICAL"}

crit_unfixed := {"VulnerabilityID": "CVE-2", "PkgName": "zlib", "InstalledVersion": "1", "Status": "affected", "Severity": "CRITICAL"}

high := {"VulnerabilityID": "CVE-3", "PkgName": "apt", "InstalledVersion": "1", "Severity": "HIGH"}

test_trivy_critical_fails if {
	[r] := [r | some r in p.deny] with input as trivy([crit, high])
	r.msg == "CVE-1 (CRITICAL) in curl 1 (fixed in 2) [app:1] is at or above the CRITICAL threshold"
	r.cause == crit
}

test_trivy_below_threshold_passes if {
	count(p.deny) == 0 with input as trivy([high])
}

test_grype_critical_fails if {
	m := {"vulnerability": {"id": "CVE-9", "severity": "Critical"}, "artifact": {"name": "log4j-core", "version": "2.14.1"}}
	[r] := [r | some r in p.deny] with input as grype([m])
	r.cause == m
	contains(r.msg, "CVE-9 (CRITICAL) in log4j-core 2.14.1")
}

test_grype_negligible_passes if {
	count(p.deny) == 0 with input as grype([{"vulnerability": {"id": "CVE-9", "severity": "Negligible"}}])
}

test_lower_threshold if {
	count(p.deny) == 1 with input as trivy([high]) with data.palisade.config as {"vuln_severity_threshold": "high"}
}

test_ignore_unfixed if {
	count(p.deny) == 1 with input as trivy([crit_unfixed])
	count(p.deny) == 0 with input as trivy([crit_unfixed]) with data.palisade.config as {"vuln_ignore_unfixed": true}
	count(p.deny) == 1 with input as trivy([crit]) with data.palisade.config as {"vuln_ignore_unfixed": true}
}

test_unknown_severity_mapped if {
	u := {"VulnerabilityID": "CVE-4", "PkgName": "x", "InstalledVersion": "1"}
	count(p.deny) == 0 with input as trivy([u])
	count(p.deny) == 1 with input as trivy([u]) with data.palisade.config as {"vuln_unknown_severity_as": "CRITICAL"}
}

test_not_a_report if {
	count(p.deny) == 0 with input as {"Results": [{"Vulnerabilities": [crit]}]}
	count(p.deny) == 0 with input as trivy([crit]) with data.palisade.document as {"kind": "json"}
}

test_empty_report if {
	count(p.deny) == 0 with input as {"SchemaVersion": 2, "Results": []}
	count(p.deny) == 0 with input as grype([])
}
