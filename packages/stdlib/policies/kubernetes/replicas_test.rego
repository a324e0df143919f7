package palisade.kubernetes.replicas_test

import rego.v1

import data.palisade.kubernetes.replicas as check

deploy(spec) := {"kind": "Deployment", "metadata": {"name": "d", "namespace": "shop"}, "spec": object.union({"template": {"spec": {}}}, spec)}

test_single_replica_denied if {
	some r in check.deny with input as deploy({"replicas": 1})
	r.msg == `Deployment "d" runs 1 replica(s), fewer than 2`
	count(check.deny) == 1 with input as deploy({})
}

test_enough_replicas_allowed if {
	count(check.deny) == 0 with input as deploy({"replicas": 3})
	count(check.deny) == 0 with input as deploy({"replicas": 2}) with data.palisade.config as {"min_replicas": 2}
	count(check.deny) == 1 with input as deploy({"replicas": 2}) with data.palisade.config as {"min_replicas": 3}
}

test_other_kinds_ignored if {
	count(check.deny) == 0 with input as {"kind": "DaemonSet", "metadata": {"name": "x"}, "spec": {"template": {"spec": {}}}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "x"}, "spec": {}}
}

test_autoscaled_allowed if {
	hpa := {"path": "hpa.yaml", "index": 0, "kind": "kubernetes", "value": {"kind": "HorizontalPodAutoscaler", "metadata": {"name": "h", "namespace": "shop"}, "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "d"}}}}
	count(check.deny) == 0 with input as deploy({}) with data.palisade.inventory as [hpa]
}
