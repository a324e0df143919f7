package palisade.scanreport.eol_os_test

import rego.v1

import data.palisade.scanreport.eol_os as p

report(os) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Metadata": {"OS": os}, "Results": []}

test_eol_fails if {
	os := {"Family": "debian", "Name": "9.13", "EOSL": true}
	[r] := [r | some r in p.deny] with input as report(os)
	r.msg == "app:1 runs debian 9.13, which is end-of-life and gets no security fixes"
	r.cause == os
}

test_supported_passes if {
	count(p.deny) == 0 with input as report({"Family": "debian", "Name": "12.5", "EOSL": false})
	count(p.deny) == 0 with input as report({"Family": "debian", "Name": "12.5"})
	count(p.deny) == 0 with input as {"SchemaVersion": 2, "Results": []}
}

test_grype_report_ignored if {
	count(p.deny) == 0 with input as {"matches": [], "descriptor": {}, "Metadata": {"OS": {"EOSL": true}}}
}
