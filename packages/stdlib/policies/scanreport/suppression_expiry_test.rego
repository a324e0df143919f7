package palisade.scanreport.suppression_expiry_test

import rego.v1

import data.palisade.scanreport.suppression_expiry as p

good_trivy := {"id": "CVE-1", "purls": ["pkg:npm/lodash@4.17.20"], "expired_at": "2199-01-01", "statement": "not reachable"}

good_grype := {"vulnerability": "CVE-2", "package": {"name": "libc6"}, "expires": "2199-01-01T00:00:00Z", "reason": "no fix"}

msgs(doc) := m if {
	m := {r.msg | some r in p.deny} with input as doc
}

test_good_entries_pass if {
	count(p.deny) == 0 with input as {"vulnerabilities": [good_trivy], "secrets": [object.union(good_trivy, {"id": "aws-access-key-id"})]}
	count(p.deny) == 0 with input as {"ignore": [good_grype]}
}

test_trivy_missing_expiry if {
	x := object.remove(good_trivy, ["expired_at"])
	[r] := [r | some r in p.deny] with input as {"vulnerabilities": [x]}
	r.msg == "trivy suppression of CVE-1 has no expiry date"
	r.cause == x
}

test_trivy_expired if {
	msgs({"vulnerabilities": [object.union(good_trivy, {"expired_at": "2020-01-01"})]}) == {"trivy suppression of CVE-1 expired on 2020-01-01"}
}

test_unreadable_expiry if {
	msgs({"vulnerabilities": [object.union(good_trivy, {"expired_at": "next year"})]}) == {"trivy suppression of CVE-1 has an unreadable expiry date \"next year\" (use YYYY-MM-DD)"}
}

test_trivy_unscoped if {
	x := object.remove(good_trivy, ["purls"])
	msgs({"misconfigurations": [x]}) == {"trivy suppression of CVE-1 applies to every package and path"}
	count(p.deny) == 0 with input as {"vulnerabilities": [object.union(x, {"paths": ["app/go.mod"]})]}
}

test_grype_missing_expiry_and_scope if {
	msgs({"ignore": [{"fix-state": "wont-fix"}]}) == {
		"grype suppression of any vulnerability has no expiry date",
		"grype suppression of any vulnerability applies to every package and path",
	}
}

test_grype_expired if {
	msgs({"ignore": [object.union(good_grype, {"expires": "2021-06-01"})]}) == {"grype suppression of CVE-2 expired on 2021-06-01"}
}

test_only_yaml_or_json_documents if {
	count(p.deny) == 0 with input as {"ignore": [{"fix-state": "wont-fix"}]} with data.palisade.document as {"kind": "compose"}
	count(p.deny) == 1 with input as {"vulnerabilities": [object.remove(good_trivy, ["expired_at"])]} with data.palisade.document as {"kind": "yaml"}
}

test_unrelated_yaml if {
	count(p.deny) == 0 with input as {"vulnerabilities": "none", "ignore": "x"}
	count(p.deny) == 0 with input as ["a"]
}
