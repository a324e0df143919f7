package palisade.scanreport.license_deny_test

import rego.v1

import data.palisade.scanreport.license_deny as p

trivy(results) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": results}

agpl := {"Severity": "HIGH", "Category": "forbidden", "PkgName": "ghostscript", "FilePath": "", "Name": "AGPL-3.0"}

test_trivy_forbidden_category_fails if {
	[r] := [r | some r in p.deny] with input as trivy([{"Target": "OS Packages", "Class": "license", "Licenses": [agpl]}])
	r.msg == "ghostscript in OS Packages is licensed AGPL-3.0 (category forbidden) [app:1]"
	r.cause == agpl
}

test_trivy_permitted_category_passes if {
	count(p.deny) == 0 with input as trivy([{"Licenses": [object.union(agpl, {"Category": "notice", "Name": "MIT"})]}])
	count(p.deny) == 0 with input as trivy([{"Licenses": [object.remove(agpl, ["Category"])]}])
}

test_trivy_category_config if {
	count(p.deny) == 0 with input as trivy([{"Licenses": [agpl]}]) with data.palisade.config as {"denied_license_categories": []}
	count(p.deny) == 1 with input as trivy([{"Licenses": [object.union(agpl, {"Category": "Restricted"})]}]) with data.palisade.config as {"denied_license_categories": ["restricted"]}
}

test_trivy_denied_license_name if {
	x := object.union(agpl, {"Category": "notice", "Name": "GPL-3.0-only"})
	[r] := [r | some r in p.deny] with input as trivy([{"Licenses": [x]}]) with data.palisade.config as {"denied_licenses": ["gpl-3.0-only"]}
	contains(r.msg, "(denied license)")
}

test_trivy_package_licenses if {
	pkg := {"Name": "readline", "Version": "8.2", "Licenses": ["GPL-3.0-only"]}
	[r] := [r | some r in p.deny] with input as trivy([{"Packages": [pkg]}]) with data.palisade.config as {"denied_licenses": ["GPL-3.0-only"]}
	r.cause == pkg
	count(p.deny) == 0 with input as trivy([{"Packages": [pkg]}])
}

test_grype_licenses if {
	a := {"name": "libc6", "version": "2.36", "licenses": ["LGPL-2.1", {"value": "GPL-2.0-or-later OR MIT"}]}
	report := {"matches": [{"vulnerability": {"id": "CVE-1"}, "artifact": a}, {"vulnerability": {"id": "CVE-2"}, "artifact": a}], "descriptor": {}}
	rs := p.deny with input as report with data.palisade.config as {"denied_licenses": ["GPL-2.0-or-later"]}
	count(rs) == 1
	some r in rs
	r.msg == "libc6 2.36 is licensed GPL-2.0-or-later OR MIT (denied license) [the scanned artifact]"
	count(p.deny) == 0 with input as report
}
