package palisade.kubernetes.rollout_strategy_test

import rego.v1

import data.palisade.kubernetes.rollout_strategy as check

deploy(spec) := {"kind": "Deployment", "metadata": {"name": "d", "namespace": "shop"}, "spec": object.union({"template": {"spec": {}}}, spec)}

hpa(ns) := {"path": "h.yaml", "index": 0, "kind": "kubernetes", "value": {"kind": "HorizontalPodAutoscaler", "metadata": {"name": "h", "namespace": ns}, "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "d"}}}}

test_recreate_denied if {
	some r in check.deny with input as deploy({"strategy": {"type": "Recreate"}})
	r.msg == `Deployment "d" uses the Recreate strategy (downtime on every rollout)`
}

test_rolling_allowed if {
	count(check.deny) == 0 with input as deploy({"strategy": {"type": "RollingUpdate"}})
	count(check.deny) == 0 with input as deploy({})
}

test_replicas_with_hpa_denied if {
	some r in check.deny with input as deploy({"replicas": 3}) with data.palisade.inventory as [hpa("shop")]
	r.msg == `Deployment "d" sets replicas although HorizontalPodAutoscaler "h" scales it`
	count(check.deny) == 0 with input as deploy({"replicas": 3}) with data.palisade.inventory as [hpa("other")]
	count(check.deny) == 0 with input as deploy({}) with data.palisade.inventory as [hpa("shop")]
}
