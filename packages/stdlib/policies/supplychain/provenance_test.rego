package palisade.supplychain.provenance_test

import rego.v1

import data.palisade.supplychain.provenance as p

d1 := "sha256:1111111111111111111111111111111111111111111111111111111111111111"

# cosign verify-attestation output (one DSSE envelope): SLSA v1 provenance of ghcr.io/acme/app@d1,
# builder https://github.com/actions/runner, repository https://github.com/acme/app.
envelope := {
	"payloadType": "application/vnd.in-toto+json",
	"payload": "eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjEiLCJwcmVkaWNhdGVUeXBlIjoiaHR0cHM6Ly9zbHNhLmRldi9wcm92ZW5hbmNlL3YxIiwic3ViamVjdCI6W3sibmFtZSI6ImdoY3IuaW8vYWNtZS9hcHAiLCJkaWdlc3QiOnsic2hhMjU2IjoiMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMSJ9fV0sInByZWRpY2F0ZSI6eyJidWlsZERlZmluaXRpb24iOnsiZXh0ZXJuYWxQYXJhbWV0ZXJzIjp7IndvcmtmbG93Ijp7InJlcG9zaXRvcnkiOiJodHRwczovL2dpdGh1Yi5jb20vYWNtZS9hcHAifX19LCJydW5EZXRhaWxzIjp7ImJ1aWxkZXIiOnsiaWQiOiJodHRwczovL2dpdGh1Yi5jb20vYWN0aW9ucy9ydW5uZXIifX19fQo=",
	"signatures": [{"keyid": "", "sig": "MEUC"}],
}

test_trusted_provenance_passes if {
	count(p.deny) == 0 with input as [envelope]
	count(p.deny) == 0 with input as [envelope] with data.palisade.config as {"trusted_builders": ["https://github.com/actions/"], "trusted_source_repos": ["https://github.com/acme/"]}
}

test_untrusted_builder if {
	[r] := [r | some r in p.deny] with input as [envelope] with data.palisade.config as {"trusted_builders": ["https://cloudbuild.googleapis.com/"]}
	r.msg == sprintf("provenance of ghcr.io/acme/app@%s names builder \"https://github.com/actions/runner\", which is not in trusted_builders", [d1])
	r.cause == envelope
}

test_untrusted_source if {
	{r.msg | some r in p.deny} == {sprintf("provenance of ghcr.io/acme/app@%s names source \"https://github.com/acme/app\", which is not in trusted_source_repos", [d1])} with input as [envelope] with data.palisade.config as {"trusted_source_repos": ["https://github.com/other/"]}
}

test_v02_predicate_and_failed_verification if {
	e := {"image": "nginx:1.25", "verified": true, "predicateType": "https://slsa.dev/provenance/v0.2", "predicate": {"builder": {"id": "https://example.com/builder"}, "invocation": {"configSource": {"uri": "git+https://github.com/acme/x"}}}}
	count(p.deny) == 0 with input as {"verifications": [e]} with data.palisade.config as {"trusted_builders": ["https://example.com/"], "trusted_source_repos": ["git+https://github.com/acme/"]}
	failed := object.union(e, {"verified": false, "error": "no matching attestations"})
	{r.msg | some r in p.deny} == {"provenance attestation of nginx:1.25 failed verification: no matching attestations"} with input as {"verifications": [failed]}
}

test_missing_predicate_fields if {
	e := {"image": "nginx:1.25", "verified": true, "predicateType": "https://slsa.dev/provenance/v1"}
	{r.msg | some r in p.deny} == {"provenance of nginx:1.25 names builder \"unknown\", which is not in trusted_builders"} with input as {"verifications": [e]} with data.palisade.config as {"trusted_builders": ["https://github.com/"]}
}

pod(image) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "image": image}]}}

test_required_provenance if {
	inv := [{"path": "att.json", "kind": "json", "index": 0, "value": [envelope]}]
	count(p.deny) == 0 with input as pod("nginx:1.25") with data.palisade.inventory as inv
	[r] := [r | some r in p.deny] with input as pod("nginx:1.25") with data.palisade.inventory as inv with data.palisade.config as {"require_provenance": true}
	r.msg == "Pod \"web\": container \"app\" uses image nginx:1.25, which has no verified SLSA provenance"
	count(p.deny) == 0 with input as pod(sprintf("ghcr.io/acme/app@%s", [d1])) with data.palisade.inventory as inv with data.palisade.config as {"require_provenance": true}
}
