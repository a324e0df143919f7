package palisade.supplychain.image_size_test

import rego.v1

import data.palisade.supplychain.image_size as p

image(size) := {"Id": "sha256:abc", "RepoTags": ["acme/app:1"], "Size": size, "Config": {}}

test_large_image_warns if {
	img := image(3 * 1073741824)
	[r] := [r | some r in p.warn] with input as img
	r.msg == "image acme/app:1 is 3072 MB, larger than the 2048 MB limit"
	r.cause == img
}

test_small_image_passes if {
	count(p.warn) == 0 with input as image(80000000)
	count(p.warn) == 0 with input as image(null)
}

test_config if {
	count(p.warn) == 1 with input as image(80000000) with data.palisade.config as {"max_image_size_mb": 50}
}

test_containers_and_reports_ignored if {
	count(p.warn) == 0 with input as object.union(image(9999999999), {"State": {}})
	count(p.warn) == 0 with input as {"SchemaVersion": 2, "Metadata": {"ImageConfig": {"size": 9999999999}}, "Results": []}
}
