package palisade.scanreport.package_denylist_test

import rego.v1

import data.palisade.scanreport.package_denylist as p

grype(arts) := {"matches": [{"vulnerability": {"id": sprintf("CVE-%d", [i])}, "artifact": a} | some i, a in arts], "descriptor": {}, "source": {"target": {"userInput": "app:1"}}}

log4j := {"name": "log4j-core", "version": "2.14.1"}

test_default_log4j_fails_once if {
	rs := p.deny with input as grype([log4j, log4j])
	count(rs) == 1
	some r in rs
	r.msg == "log4j-core 2.14.1 is banned (Log4Shell (CVE-2021-44228, CVE-2021-45046, CVE-2021-44832); allowed from 2.17.1) [app:1]"
	r.cause == log4j
}

test_patched_log4j_passes if {
	count(p.deny) == 0 with input as grype([{"name": "log4j-core", "version": "2.17.1"}, {"name": "log4j-api", "version": "2.0"}])
}

test_trivy_packages_and_vulns if {
	pkg := {"Name": "log4j-core", "Version": "2.16.0"}
	report := {"SchemaVersion": 2, "Results": [{"Packages": [pkg], "Vulnerabilities": [{"VulnerabilityID": "CVE-2021-45105", "PkgName": "log4j-core", "InstalledVersion": "2.16.0"}]}]}
	[r] := [r | some r in p.deny] with input as report
	r.cause == pkg
}

test_exact_and_any_version_rules if {
	cfg := {"denied_packages": [{"name": "xz-utils", "versions": ["5.6.0", "5.6.1"], "reason": "CVE-2024-3094 backdoor"}, {"name": "telnetd"}]}
	msgs := {r.msg | some r in p.deny} with input as grype([{"name": "xz-utils", "version": "5.6.1"}, {"name": "xz-utils", "version": "5.4.1"}, {"name": "telnetd", "version": "0.17"}]) with data.palisade.config as cfg
	msgs == {"xz-utils 5.6.1 is banned (CVE-2024-3094 backdoor) [app:1]", "telnetd 0.17 is banned (denied package) [app:1]"}
}

test_empty_config if {
	count(p.deny) == 0 with input as grype([log4j]) with data.palisade.config as {"denied_packages": []}
}
