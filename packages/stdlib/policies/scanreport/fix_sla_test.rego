package palisade.scanreport.fix_sla_test

import rego.v1

import data.palisade.scanreport.fix_sla as p

trivy(vs) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": [{"Target": "app", "Vulnerabilities": vs}]}

old := {"VulnerabilityID": "CVE-1", "PkgName": "curl", "InstalledVersion": "1", "FixedVersion": "2", "Severity": "HIGH", "PublishedDate": "2020-01-01T00:00:00Z"}

test_old_fixable_fails if {
	[r] := [r | some r in p.deny] with input as trivy([old])
	r.cause == old
	startswith(r.msg, "CVE-1 (HIGH) in curl 1 (fixed in 2) [app:1] has had a fix for ")
	endswith(r.msg, "days (since 2020-01-01T00:00:00Z); the HIGH deadline is 30 days")
}

test_recent_passes if {
	count(p.deny) == 0 with input as trivy([object.union(old, {"PublishedDate": "2199-01-01T00:00:00Z"})])
}

test_unfixed_or_undated_passes if {
	count(p.deny) == 0 with input as trivy([object.remove(old, ["FixedVersion"])])
	count(p.deny) == 0 with input as trivy([object.remove(old, ["PublishedDate"])])
}

test_low_not_checked_by_default if {
	low := object.union(old, {"Severity": "LOW"})
	count(p.deny) == 0 with input as trivy([low])
	count(p.deny) == 1 with input as trivy([low]) with data.palisade.config as {"vuln_fix_sla_days": {"LOW": 365}}
}

test_grype_fix_date_wins if {
	m := {"vulnerability": {"id": "CVE-2", "severity": "Critical", "fix": {"versions": ["2"], "available": [{"version": "2", "date": "2021-12-10"}]}}, "artifact": {"name": "x", "version": "1"}}
	[r] := [r | some r in p.deny] with input as {"matches": [m], "descriptor": {}}
	contains(r.msg, "(since 2021-12-10)")
	recent := {"vulnerability": {"id": "CVE-2", "severity": "Critical", "fix": {"versions": ["2"], "available": [{"version": "2", "date": "2199-12-10"}]}}}
	count(p.deny) == 0 with input as {"matches": [recent], "descriptor": {}}
}
