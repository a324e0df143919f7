package palisade.lib.supplychain_test

import rego.v1

import data.palisade.lib.supplychain as sc

d1 := "sha256:1111111111111111111111111111111111111111111111111111111111111111"

d2 := "sha256:2222222222222222222222222222222222222222222222222222222222222222"

deployment := {
	"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
	"spec": {"template": {"spec": {
		"initContainers": [{"name": "init", "image": "busybox"}],
		"containers": [{"name": "app", "image": sprintf("ghcr.io/acme/app@%s", [d1])}, {"name": "noimage"}],
	}}},
}

compose := {"services": {"web": {"image": "nginx:1.25"}, "built": {"build": "."}}}

cosign_output := [{
	"critical": {"identity": {"docker-reference": "ghcr.io/acme/app"}, "image": {"docker-manifest-digest": d1}, "type": "cosign container image signature"},
	"optional": {"Issuer": "https://token.actions.githubusercontent.com", "Subject": "https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main"},
}]

envelope := {
	"payloadType": "application/vnd.in-toto+json",
	"payload": "eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEiLCJwcmVkaWNhdGVUeXBlIjoiaHR0cHM6Ly9zbHNhLmRldi9wcm92ZW5hbmNlL3YxIiwic3ViamVjdCI6W3sibmFtZSI6ImdoY3IuaW8vYWNtZS9hcHAiLCJkaWdlc3QiOnsic2hhMjU2IjoiMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMSJ9fV0sInByZWRpY2F0ZSI6eyJidWlsZERlZmluaXRpb24iOnsiZXh0ZXJuYWxQYXJhbWV0ZXJzIjp7IndvcmtmbG93Ijp7InJlcG9zaXRvcnkiOiJodHRwczovL2dpdGh1Yi5jb20vYWNtZS9hcHAifX19LCJydW5EZXRhaWxzIjp7ImJ1aWxkZXIiOnsiaWQiOiJodHRwczovL2dpdGh1Yi5jb20vYWN0aW9ucy9ydW5uZXIifX19fQo=",
	"signatures": [{"keyid": "", "sig": "MEUC"}],
}

notation := {"reference": sprintf("registry.example.com/shop/web@%s", [d2]), "result": "Failure", "userMetadata": {}}

wrapper := {"verifications": [
	{"image": "nginx:1.25", "verified": true, "tool": "cosign", "key": "cosign.pub"},
	{"image": "nginx:1.25", "verified": true, "predicateType": "https://cyclonedx.org/bom"},
	{"image": "broken"},
]}

test_kinds_by_shape if {
	sc.doc_kind == "kubernetes" with input as deployment
	sc.doc_kind == "compose" with input as compose
	sc.doc_kind == "json" with input as cosign_output
	sc.doc_kind == "yaml" with input as compose with data.palisade.document as {"kind": "yaml"}
}

test_kubernetes_images if {
	imgs := sc.images_here with input as deployment
	{x.ref | some x in imgs} == {"busybox", sprintf("ghcr.io/acme/app@%s", [d1])}
	some x in imgs
	x.label == "Deployment \"web\": init container \"init\""
	x.cause.name == "init"
}

test_compose_images if {
	imgs := sc.images_here with input as compose
	count(imgs) == 1
	imgs[0].label == "service \"web\""
}

test_no_images_in_other_documents if {
	sc.images_here == [] with input as cosign_output
}

test_inventory_images if {
	inv := [{"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": deployment}, {"path": "compose.yaml", "kind": "compose", "index": 0, "value": compose}]
	imgs := sc.inventory_images with data.palisade.inventory as inv
	count(imgs) == 3
	{x.path | some x in imgs} == {"k8s.yaml", "compose.yaml"}
}

test_cosign_records if {
	[r] := sc.records_here with input as cosign_output
	r.image == sprintf("ghcr.io/acme/app@%s", [d1])
	r.verified == true
	r.type == "signature"
	r.issuer == "https://token.actions.githubusercontent.com"
}

test_attestation_records if {
	[r] := sc.records_here with input as [envelope]
	r.type == "attestation"
	r.predicate_type == "https://slsa.dev/provenance/v1"
	r.digest == d1
	r.predicate.runDetails.builder.id == "https://github.com/actions/runner"
}

test_notation_records if {
	[r] := sc.records_here with input as notation
	r.verified == false
	r.digest == d2
	r.error == "notation result \"Failure\""
	count(sc.records_here) == 1 with input as [notation]
}

test_wrapper_records if {
	rs := sc.records_here with input as wrapper
	count(rs) == 2
	some r in rs
	r.type == "attestation"
	some s in rs
	s.key == "cosign.pub"
}

test_records_only_in_json_documents if {
	sc.records_here == [] with input as cosign_output with data.palisade.document as {"kind": "trivy"}
}

test_record_matching if {
	r := {"image": sprintf("ghcr.io/acme/app@%s", [d1]), "digest": d1}
	sc.record_matches(sprintf("ghcr.io/acme/app@%s", [d1]), r)
	sc.record_matches("ghcr.io/acme/app:1.0", r)
	not sc.record_matches(sprintf("ghcr.io/acme/app@%s", [d2]), r)
	not sc.record_matches("ghcr.io/acme/other:1.0", r)
	sc.record_matches("nginx:1.25", {"image": "docker.io/library/nginx:1.25", "digest": ""})
	not sc.record_matches("nginx:1.26", {"image": "docker.io/library/nginx:1.25", "digest": ""})
}

test_verified_records_from_inventory if {
	inv := [{"path": "sig.json", "kind": "json", "index": 0, "value": cosign_output}]
	count(sc.verified_records("ghcr.io/acme/app:1.0", "signature")) == 1 with data.palisade.inventory as inv
	count(sc.verified_records("ghcr.io/acme/app:1.0", "attestation")) == 0 with data.palisade.inventory as inv
	sc.has_evidence("ghcr.io/acme/app:1.0") with data.palisade.inventory as inv
	not sc.has_evidence("nginx") with data.palisade.inventory as inv
}
