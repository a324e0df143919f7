package palisade.scanreport.report_fresh_test

import rego.v1

import data.palisade.scanreport.report_fresh as p

test_old_trivy_report_fails if {
	[r] := [r | some r in p.deny] with input as {"SchemaVersion": 2, "CreatedAt": "2024-06-12T09:01:12Z", "ArtifactName": "app:1", "Results": []}
	r.path == ["CreatedAt"]
	startswith(r.msg, "scan report for app:1 was created ")
	endswith(r.msg, " hours ago (2024-06-12T09:01:12Z); the limit is 168 hours")
}

test_recent_report_passes if {
	count(p.deny) == 0 with input as {"SchemaVersion": 2, "CreatedAt": "2199-06-12T09:01:12Z", "Results": []}
}

test_missing_timestamp_passes if {
	count(p.deny) == 0 with input as {"SchemaVersion": 2, "Results": []}
	count(p.deny) == 0 with input as {"matches": [], "descriptor": {"db": {"built": "2020-01-01T00:00:00Z"}}}
}

test_max_age_config if {
	now := time.format(time.now_ns() - (48 * 3600000000000))
	count(p.deny) == 0 with input as {"SchemaVersion": 2, "CreatedAt": now, "Results": []}
	count(p.deny) == 1 with input as {"SchemaVersion": 2, "CreatedAt": now, "Results": []} with data.palisade.config as {"report_max_age_hours": 24}
}

grype(ts, built) := {"matches": [], "descriptor": {"timestamp": ts, "db": {"built": built}}}

test_stale_grype_db_fails if {
	msgs := {r.msg | some r in p.deny} with input as grype("2199-06-12T09:05:00Z", "2199-06-01T00:00:00Z")
	msgs == {"scan of the scanned artifact used a vulnerability database built 273 hours before the scan (2199-06-01T00:00:00Z); the limit is 120 hours"}
	some r in p.deny with input as grype("2199-06-12T09:05:00Z", "2199-06-01T00:00:00Z")
	r.path == ["descriptor", "db", "built"]
}

test_fresh_grype_db_passes if {
	count(p.deny) == 0 with input as grype("2199-06-12T09:05:00Z", "2199-06-12T01:30:12Z")
}

test_old_grype_report_path if {
	[r] := [r | some r in p.deny] with input as grype("2024-06-12T09:05:00Z", "2024-06-12T01:30:12Z")
	r.path == ["descriptor", "timestamp"]
}
