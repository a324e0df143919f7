package palisade.supplychain.signature_verified_test

import rego.v1

import data.palisade.supplychain.signature_verified as p

d1 := "sha256:1111111111111111111111111111111111111111111111111111111111111111"

gha := {"issuer": "https://token.actions.githubusercontent.com", "subject_regexp": "^https://github.com/acme/"}

cosign_output := [{
	"critical": {"identity": {"docker-reference": "ghcr.io/acme/app"}, "image": {"docker-manifest-digest": d1}, "type": "cosign container image signature"},
	"optional": {"Issuer": "https://token.actions.githubusercontent.com", "Subject": "https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main"},
}]

pod(image) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "image": image}]}}

sig_inv := [{"path": "sig.json", "kind": "json", "index": 0, "value": cosign_output}]

test_failed_notation_verification if {
	n := {"reference": sprintf("ghcr.io/acme/app@%s", [d1]), "result": "Failure"}
	[r] := [r | some r in p.deny] with input as n with data.palisade.document as {"kind": "json"}
	r.msg == sprintf("notation signature verification of ghcr.io/acme/app@%s failed: notation result \"Failure\"", [d1])
	r.cause == n
	count(p.deny) == 0 with input as object.union(n, {"result": "Success"}) with data.palisade.document as {"kind": "json"}
}

test_failed_wrapper_verification if {
	e := {"image": "nginx:1.25", "verified": false, "tool": "cosign", "error": "no matching signatures"}
	{r.msg | some r in p.deny} == {"cosign signature verification of nginx:1.25 failed: no matching signatures"} with input as {"verifications": [e]}
}

test_trusted_signer if {
	count(p.deny) == 0 with input as cosign_output
	count(p.deny) == 0 with input as cosign_output with data.palisade.config as {"trusted_signers": [gha]}
}

test_untrusted_signer if {
	cfg := {"trusted_signers": [{"issuer": "https://token.actions.githubusercontent.com", "subject_regexp": "^https://github.com/other/"}]}
	[r] := [r | some r in p.deny] with input as cosign_output with data.palisade.config as cfg
	r.msg == sprintf("ghcr.io/acme/app@%s is signed by issuer https://token.actions.githubusercontent.com, subject https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main, which is not a trusted signer", [d1])
	r.cause == cosign_output[0]
}

test_key_signer if {
	e := {"image": "nginx:1.25", "verified": true, "key": "cosign.pub"}
	count(p.deny) == 0 with input as {"verifications": [e]} with data.palisade.config as {"trusted_signers": [{"key": "cosign.pub"}]}
	count(p.deny) == 1 with input as {"verifications": [e]} with data.palisade.config as {"trusted_signers": [{"key": "other.pub"}]}
	count(p.deny) == 1 with input as {"verifications": [e]} with data.palisade.config as {"trusted_signers": [{}]}
}

test_deployed_signed_image_passes if {
	count(p.deny) == 0 with input as pod("ghcr.io/acme/app:1.0") with data.palisade.inventory as sig_inv
	count(p.deny) == 0 with input as pod(sprintf("ghcr.io/acme/app@%s", [d1])) with data.palisade.inventory as sig_inv with data.palisade.config as {"require_signed_images": true, "trusted_signers": [gha]}
}

test_deployed_unsigned_digest_fails if {
	img := "ghcr.io/acme/app@sha256:2222222222222222222222222222222222222222222222222222222222222222"
	[r] := [r | some r in p.deny] with input as pod(img) with data.palisade.inventory as sig_inv
	r.msg == sprintf("Pod \"web\": container \"app\" uses image %s, which has no verified signature from a trusted signer", [img])
	r.path == ["spec", "containers", 0, "image"]
}

test_deployed_signed_by_untrusted_fails if {
	count(p.deny) == 1 with input as pod("ghcr.io/acme/app:1.0") with data.palisade.inventory as sig_inv with data.palisade.config as {"trusted_signers": [{"issuer": "https://accounts.google.com"}]}
}

test_unverified_images_only_when_required if {
	count(p.deny) == 0 with input as pod("nginx:1.25") with data.palisade.inventory as sig_inv
	count(p.deny) == 1 with input as pod("nginx:1.25") with data.palisade.inventory as sig_inv with data.palisade.config as {"require_signed_images": true}
}

test_compose_service if {
	c := {"services": {"web": {"image": "nginx:1.25"}}}
	{r.msg | some r in p.deny} == {"service \"web\" uses image nginx:1.25, which has no verified signature from a trusted signer"} with input as c with data.palisade.inventory as [] with data.palisade.config as {"require_signed_images": true}
}
