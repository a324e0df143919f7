package palisade.kubernetes.spread_test

import rego.v1

import data.palisade.kubernetes.spread as check

deploy(replicas, podspec) := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"replicas": replicas, "template": {"spec": podspec}}}

test_unspread_denied if {
	some r in check.deny with input as deploy(3, {})
	r.msg == `Deployment "d" runs 3 replicas without anti-affinity or topology spread constraints`
}

test_spread_allowed if {
	count(check.deny) == 0 with input as deploy(3, {"topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname"}]})
	count(check.deny) == 0 with input as deploy(3, {"affinity": {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": []}}})
}

test_single_replica_ignored if {
	count(check.deny) == 0 with input as deploy(1, {})
	count(check.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {}}}}
}
