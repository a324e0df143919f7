package palisade.scanreport.misconfig_in_report_test

import rego.v1

import data.palisade.scanreport.misconfig_in_report as p

report(ms) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": [{"Target": "Dockerfile", "Class": "config", "Misconfigurations": ms}]}

fail_high := {"ID": "DS002", "AVDID": "AVD-DS-0002", "Title": "Image user should not be 'root'", "Severity": "HIGH", "Status": "FAIL", "Message": "Specify at least 1 USER command"}

test_failed_high_fails if {
	[r] := [r | some r in p.deny] with input as report([fail_high])
	r.msg == "AVD-DS-0002 Image user should not be 'root' (HIGH) in Dockerfile: Specify at least 1 USER command"
	r.cause == fail_high
}

test_passed_or_low_passes if {
	count(p.deny) == 0 with input as report([object.union(fail_high, {"Status": "PASS"})])
	count(p.deny) == 0 with input as report([object.union(fail_high, {"Severity": "LOW"})])
	count(p.deny) == 0 with input as report([object.remove(fail_high, ["Severity"])])
}

test_threshold_config if {
	count(p.deny) == 1 with input as report([object.union(fail_high, {"Severity": "LOW"})]) with data.palisade.config as {"misconfig_severity_threshold": "low"}
}

test_missing_ids if {
	[r] := [r | some r in p.deny] with input as report([{"Status": "FAIL", "Severity": "CRITICAL"}])
	r.msg == "unknown check misconfiguration (CRITICAL) in Dockerfile: failed"
}
