package palisade.scanreport.secrets_in_image_test

import rego.v1

import data.palisade.scanreport.secrets_in_image as p

report(results) := {"SchemaVersion": 2, "ArtifactName": "app:1", "Results": results}

test_secret_fails if {
	s := {"RuleID": "aws-access-key-id", "Severity": "CRITICAL", "Title": "AWS Access Key ID", "StartLine": 1}
	[r] := [r | some r in p.deny] with input as report([{"Target": "/app/.env", "Class": "secret", "Secrets": [s]}])
	r.msg == "AWS Access Key ID (aws-access-key-id, CRITICAL) found in /app/.env line 1 [app:1]"
	r.cause == s
}

test_secret_without_details if {
	[r] := [r | some r in p.deny] with input as report([{"Secrets": [{}]}])
	r.msg == "secret (unknown rule, UNKNOWN) found in a file [app:1]"
}

test_no_secrets_passes if {
	count(p.deny) == 0 with input as report([{"Target": "x", "Vulnerabilities": []}, {"Target": "y", "Secrets": null}])
	count(p.deny) == 0 with input as report([])
}
