package palisade.supplychain.vuln_attestation_test

import rego.v1

import data.palisade.supplychain.vuln_attestation as p

att(finished) := {"image": "nginx:1.25", "verified": true, "predicateType": "https://cosign.sigstore.dev/attestation/vuln/v1", "predicate": {"scanner": {"uri": "pkg:github/aquasecurity/trivy@0.50.0"}, "metadata": {"scanFinishedOn": finished}}}

fresh_att := att("2199-01-01T00:00:00Z")

test_stale_attestation_fails if {
	a := att("2024-01-01T00:00:00Z")
	[r] := [r | some r in p.deny] with input as {"verifications": [a]}
	r.msg == "vulnerability scan attested for nginx:1.25 finished 2024-01-01T00:00:00Z, more than 168 hours ago (or has no scanFinishedOn)"
	r.cause == a
}

test_fresh_attestation_passes if {
	count(p.deny) == 0 with input as {"verifications": [fresh_att]}
}

test_missing_finish_time_fails if {
	{r.msg | some r in p.deny} == {"vulnerability scan attested for nginx:1.25 finished at an unknown time, more than 168 hours ago (or has no scanFinishedOn)"} with input as {"verifications": [object.remove(fresh_att, ["predicate"])]}
}

test_failed_verification if {
	{r.msg | some r in p.deny} == {"vulnerability attestation of nginx:1.25 failed verification"} with input as {"verifications": [object.union(fresh_att, {"verified": false})]}
}

test_age_config if {
	recent := att(time.format(time.now_ns() - (48 * 3600000000000)))
	count(p.deny) == 0 with input as {"verifications": [recent]}
	count(p.deny) == 1 with input as {"verifications": [recent]} with data.palisade.config as {"vuln_attestation_max_age_hours": 24}
}

pod(image) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "image": image}]}}

inv(a) := [{"path": "v.json", "kind": "json", "index": 0, "value": {"verifications": [a]}}]

test_required if {
	cfg := {"require_vuln_attestation": true}
	count(p.deny) == 0 with input as pod("nginx:1.25") with data.palisade.inventory as inv(fresh_att) with data.palisade.config as cfg
	count(p.deny) == 1 with input as pod("nginx:1.25") with data.palisade.inventory as inv(att("2020-01-01T00:00:00Z")) with data.palisade.config as cfg
	count(p.deny) == 0 with input as pod("nginx:1.25") with data.palisade.inventory as []
}
