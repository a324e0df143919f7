package palisade.lib.vulns_test

import rego.v1

import data.palisade.lib.vulns

trivy_report := {
	"SchemaVersion": 2,
	"CreatedAt": "2024-06-12T09:01:12Z",
	"ArtifactName": "registry.example.com/shop/web:1.0.0",
	"Metadata": {"RepoDigests": ["registry.example.com/shop/web@sha256:aaa"]},
	"Results": [
		{
			"Target": "web (debian 11.9)",
			"Type": "debian",
			"Vulnerabilities": [
				{
					"VulnerabilityID": "CVE-2023-38545", "PkgName": "curl", "InstalledVersion": "7.74.0",
					"FixedVersion": "7.74.1", "Status": "fixed", "Severity": "CRITICAL",
					"PkgIdentifier": {"PURL": "pkg:deb/debian/curl@7.74.0"},
					"CVSS": {"nvd": {"V3Score": 9.8, "V2Score": 10}, "redhat": {"V3Score": 8.1}},
					"PublishedDate": "2023-10-18T04:15:11.077Z",
				},
				{"VulnerabilityID": "CVE-2011-3374", "PkgName": "apt", "InstalledVersion": "2.2.4", "Status": "affected", "Severity": "LOW"},
				{"VulnerabilityID": "CVE-2020-0001", "PkgName": "zlib", "InstalledVersion": "1", "Status": "not_affected", "Severity": "HIGH"},
				{"VulnerabilityID": "CVE-2020-0002", "PkgName": "old", "InstalledVersion": "1", "Severity": "whatever", "CVSS": {"nvd": {"V2Score": 5}}},
			],
		},
		{"Target": "/app/.env", "Class": "secret"},
		"garbage",
	],
}

grype_report := {
	"matches": [
		{
			"vulnerability": {
				"id": "CVE-2021-44228", "severity": "Critical",
				"cvss": [{"metrics": {"baseScore": 10}}],
				"knownExploited": [{"cve": "CVE-2021-44228"}],
				"epss": [{"epss": 0.97}, {"epss": 0.5}],
				"fix": {"versions": ["2.15.0", "2.12.2"], "state": "fixed", "available": [{"version": "2.15.0", "date": "2021-12-10"}, {"version": "2.12.2", "date": "2021-12-14"}]},
			},
			"relatedVulnerabilities": [{"id": "GHSA-jfh8-c2jp-5v3q", "cvss": [{"metrics": {"baseScore": 9.9}}]}],
			"artifact": {"name": "log4j-core", "version": "2.14.1", "type": "java-archive", "purl": "pkg:maven/x/log4j-core@2.14.1", "locations": [{"path": "/app/lib/log4j.jar"}]},
		},
		{
			"vulnerability": {"id": "CVE-2005-2541", "severity": "Negligible", "fix": {"versions": [], "state": "wont-fix"}},
			"artifact": {"name": "tar", "version": "1.34"},
		},
		{"vulnerability": {"id": "CVE-2099-1"}},
	],
	"source": {"target": {"userInput": "registry.example.com/shop/billing:2.3.0", "repoDigests": ["registry.example.com/shop/billing@sha256:bbb"]}},
	"descriptor": {"timestamp": "2024-06-12T09:05:00Z", "db": {"built": "2024-06-12T01:30:12Z"}},
}

by_id(id, fs) := f if {
	some f in fs
	f.id == id
}

test_kind_by_shape if {
	vulns.report_kind == "trivy" with input as trivy_report
	vulns.report_kind == "grype" with input as grype_report
	not vulns.report_kind with input as {"foo": 1}
}

test_kind_by_document_metadata if {
	vulns.report_kind == "grype" with input as {"matches": []} with data.palisade.document as {"kind": "grype"}
	not vulns.is_report with input as {"matches": []} with data.palisade.document as {"kind": "json"}
}

test_trivy_findings if {
	fs := vulns.findings with input as trivy_report
	count(fs) == 3
	f := by_id("CVE-2023-38545", fs)
	f.severity == "CRITICAL"
	f.package == "curl"
	f.installed == "7.74.0"
	f.fixed == "7.74.1"
	f.has_fix
	f.cvss == 9.8
	f.epss == null
	f.kev == false
	f.purl == "pkg:deb/debian/curl@7.74.0"
	f.artifact == "registry.example.com/shop/web:1.0.0"
	f.target == "web (debian 11.9)"
	f.cause.VulnerabilityID == "CVE-2023-38545"
}

test_trivy_unfixed_and_vex if {
	fs := vulns.findings with input as trivy_report
	f := by_id("CVE-2011-3374", fs)
	f.fixed == null
	f.fix_state == "not-fixed"
	not f.has_fix
	f.cvss == null
	not by_id("CVE-2020-0001", fs)
}

test_trivy_odd_severity_and_v2_only if {
	f := by_id("CVE-2020-0002", vulns.findings) with input as trivy_report
	f.severity == "UNKNOWN"
	f.cvss == 5
	f.fix_state == "unknown"
}

test_grype_findings if {
	fs := vulns.findings with input as grype_report
	count(fs) == 3
	f := by_id("CVE-2021-44228", fs)
	f.severity == "CRITICAL"
	f.fixed == "2.15.0, 2.12.2"
	f.cvss == 10
	f.epss == 0.97
	f.kev == true
	f.aliases == ["GHSA-jfh8-c2jp-5v3q"]
	f.fix_date == "2021-12-10"
	f.target == "/app/lib/log4j.jar"
	f.artifact == "registry.example.com/shop/billing:2.3.0"
	f.source == "grype"
}

test_grype_negligible_and_missing_fields if {
	fs := vulns.findings with input as grype_report
	t := by_id("CVE-2005-2541", fs)
	t.severity == "LOW"
	t.fixed == null
	t.fix_state == "wont-fix"
	t.kev == false
	u := by_id("CVE-2099-1", fs)
	u.severity == "UNKNOWN"
	u.package == "unknown"
	u.cvss == null
	u.target == "registry.example.com/shop/billing:2.3.0"
}

test_at_least if {
	vulns.at_least({"severity": "HIGH"}, "high")
	not vulns.at_least({"severity": "MEDIUM"}, "HIGH")
	not vulns.at_least({"severity": "UNKNOWN"}, "LOW")
}

test_unknown_mapping if {
	vulns.at_least({"severity": "UNKNOWN"}, "HIGH") with data.palisade.config as {"vuln_unknown_severity_as": "critical"}
}

test_report_metadata if {
	vulns.repo_digests == ["registry.example.com/shop/web@sha256:aaa"] with input as trivy_report
	vulns.created_at == "2024-06-12T09:05:00Z" with input as grype_report
	vulns.db_built_at == "2024-06-12T01:30:12Z" with input as grype_report
	not vulns.db_built_at with input as trivy_report
}

test_version_less if {
	vulns.version_less("2.14.1", "2.17")
	vulns.version_less("2.17", "2.17.1")
	not vulns.version_less("2.17.1", "2.17.1")
	not vulns.version_less("3.0", "2.17.1")
}

test_to_ns if {
	vulns.to_ns("2021-12-10") == vulns.to_ns("2021-12-10T00:00:00Z")
}

test_describe if {
	f := by_id("CVE-2023-38545", vulns.findings) with input as trivy_report
	vulns.describe(f) == "CVE-2023-38545 (CRITICAL) in curl 7.74.0 (fixed in 7.74.1) [registry.example.com/shop/web:1.0.0]"
}

# A package found in several files: the first location is the target (one value, no conflict).
test_grype_several_locations_first_wins if {
	r := json.patch(grype_report, [{"op": "replace", "path": "/matches/0/artifact/locations", "value": [{"path": "/app/lib/a.jar"}, {"path": "/app/lib/b.jar"}]}])
	fs := vulns.findings with input as r
	f := by_id("CVE-2021-44228", fs)
	f.target == "/app/lib/a.jar"
}
