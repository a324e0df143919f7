package palisade.scanreport.epss_test

import rego.v1

import data.palisade.scanreport.epss as p

grype(ms) := {"matches": ms, "descriptor": {}, "source": {"target": {"userInput": "app:1"}}}

m(score, fix) := {"vulnerability": {"id": "CVE-1", "severity": "High", "epss": [{"epss": score}], "fix": fix}, "artifact": {"name": "x", "version": "1"}}

test_high_epss_fails if {
	x := m(0.97, {"versions": ["2"]})
	[r] := [r | some r in p.deny] with input as grype([x])
	r.cause == x
	r.msg == "CVE-1 (HIGH) in x 1 (fixed in 2) [app:1] has EPSS 0.97 (threshold 0.5)"
}

test_low_epss_passes if {
	count(p.deny) == 0 with input as grype([m(0.01, {})])
}

test_no_epss_passes if {
	count(p.deny) == 0 with input as grype([{"vulnerability": {"id": "CVE-1", "epss": []}}])
	count(p.deny) == 0 with input as grype([{"vulnerability": {"id": "CVE-1"}}])
}

test_threshold_config if {
	count(p.deny) == 1 with input as grype([m(0.01, {})]) with data.palisade.config as {"vuln_epss_threshold": 0.01}
}

test_ignore_unfixed if {
	count(p.deny) == 0 with input as grype([m(0.9, {"state": "not-fixed"})]) with data.palisade.config as {"vuln_ignore_unfixed": true}
}
