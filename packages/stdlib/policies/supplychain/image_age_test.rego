package palisade.supplychain.image_age_test

import rego.v1

import data.palisade.supplychain.image_age as p

image(created) := {"Id": "sha256:abc", "RepoTags": ["acme/app:1"], "Created": created, "Size": 1000, "Config": {}}

test_old_image_fails if {
	img := image("2020-01-01T00:00:00.123456789Z")
	[r] := [r | some r in p.deny] with input as img
	startswith(r.msg, "image acme/app:1 was created ")
	endswith(r.msg, "days ago (2020-01-01T00:00:00.123456789Z); the limit is 365 days")
	r.cause == img
}

test_recent_image_passes if {
	count(p.deny) == 0 with input as image(time.format(time.now_ns()))
}

test_config if {
	img := image(time.format(time.now_ns() - ((40 * 24) * 3600000000000)))
	count(p.deny) == 0 with input as img
	count(p.deny) == 1 with input as img with data.palisade.config as {"max_image_age_days": 30}
}

test_missing_or_zero_created if {
	count(p.deny) == 0 with input as object.remove(image(""), ["Created"])
	count(p.deny) == 0 with input as image("garbage")
	# Reproducible builds set the epoch (SOURCE_DATE_EPOCH=0); that date says nothing about age.
	count(p.deny) == 0 with input as image("1970-01-01T00:00:00Z")
}

test_trivy_report if {
	report := {"SchemaVersion": 2, "ArtifactName": "acme/app:1", "Metadata": {"ImageConfig": {"created": "2020-01-01T00:00:00Z"}}, "Results": []}
	count(p.deny) == 1 with input as report
}
