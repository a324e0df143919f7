package palisade.scanreport.fixable_only_test

import rego.v1

import data.palisade.scanreport.fixable_only as p

trivy(vs) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": [{"Target": "app", "Vulnerabilities": vs}]}

grype(ms) := {"matches": ms, "descriptor": {}}

test_trivy_fixable_high_fails if {
	v := {"VulnerabilityID": "CVE-1", "PkgName": "curl", "InstalledVersion": "1", "FixedVersion": "2", "Severity": "HIGH"}
	[r] := [r | some r in p.deny] with input as trivy([v])
	r.cause == v
	r.msg == "CVE-1 (HIGH) in curl 1 (fixed in 2) [app:1] has a fix available (severity threshold HIGH)"
}

test_trivy_unfixed_passes if {
	v := {"VulnerabilityID": "CVE-1", "PkgName": "curl", "InstalledVersion": "1", "FixedVersion": "", "Status": "affected", "Severity": "CRITICAL"}
	count(p.deny) == 0 with input as trivy([v])
}

test_trivy_fixable_medium_passes_by_default if {
	v := {"VulnerabilityID": "CVE-1", "PkgName": "curl", "InstalledVersion": "1", "FixedVersion": "2", "Severity": "MEDIUM"}
	count(p.deny) == 0 with input as trivy([v])
	count(p.deny) == 1 with input as trivy([v]) with data.palisade.config as {"vuln_fixable_severity_threshold": "MEDIUM"}
}

test_grype_fixed_fails_and_wont_fix_passes if {
	fixed := {"vulnerability": {"id": "CVE-2", "severity": "High", "fix": {"versions": ["1.2"], "state": "fixed"}}, "artifact": {"name": "libc6", "version": "1.1"}}
	wont := {"vulnerability": {"id": "CVE-3", "severity": "Critical", "fix": {"versions": [], "state": "wont-fix"}}, "artifact": {"name": "tar", "version": "1"}}
	[r] := [r | some r in p.deny] with input as grype([fixed, wont])
	r.cause == fixed
}

test_grype_missing_fix_object_passes if {
	count(p.deny) == 0 with input as grype([{"vulnerability": {"id": "CVE-2", "severity": "High"}, "artifact": {"name": "x"}}])
}
