package palisade.supplychain.sbom_attested_test

import rego.v1

import data.palisade.supplychain.sbom_attested as p

sbom := {"image": "nginx:1.25", "verified": true, "predicateType": "https://cyclonedx.org/bom"}

inv := [{"path": "v.json", "kind": "json", "index": 0, "value": {"verifications": [sbom]}}]

compose(image) := {"services": {"web": {"image": image}}}

test_required_and_present if {
	count(p.deny) == 0 with input as compose("nginx:1.25") with data.palisade.inventory as inv with data.palisade.config as {"require_sbom_attestation": true}
}

test_required_and_missing if {
	[r] := [r | some r in p.deny] with input as compose("nginx:1.26") with data.palisade.inventory as inv with data.palisade.config as {"require_sbom_attestation": true}
	r.msg == "service \"web\" uses image nginx:1.26, which has no verified SBOM attestation"
}

test_not_required_by_default if {
	count(p.deny) == 0 with input as compose("nginx:1.26") with data.palisade.inventory as []
}

test_failed_or_other_type if {
	count(p.deny) == 1 with input as {"verifications": [object.union(sbom, {"verified": false})]}
	count(p.deny) == 0 with input as {"verifications": [object.union(sbom, {"verified": false, "predicateType": "https://example.com/other"})]}
	spdx := object.union(sbom, {"predicateType": "https://spdx.dev/Document/v2.3"})
	count(p.deny) == 0 with input as compose("nginx:1.25") with data.palisade.inventory as [{"path": "v.json", "kind": "json", "index": 0, "value": {"verifications": [spdx]}}] with data.palisade.config as {"require_sbom_attestation": true}
}
