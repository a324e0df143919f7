package palisade.kubernetes.hpa_sane_test

import rego.v1

import data.palisade.kubernetes.hpa_sane

hpa(spec) := {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"}, "spec": object.union({"scaleTargetRef": {"kind": "Deployment", "name": "web"}}, spec)}

test_min_one if {
	r := hpa_sane.deny with input as hpa({"minReplicas": 1, "maxReplicas": 5})
	r == {{"msg": "HorizontalPodAutoscaler \"web\" may scale down to 1 replica(s)", "cause": 1, "path": ["spec", "minReplicas"]}}
}

test_min_default if {
	count(hpa_sane.deny) == 1 with input as hpa({"maxReplicas": 5})
}

test_max_not_above_min if {
	r := hpa_sane.deny with input as hpa({"minReplicas": 3, "maxReplicas": 3})
	some x in r
	x.msg == "HorizontalPodAutoscaler \"web\" has maxReplicas 3, not above minReplicas 3: it cannot scale"
}

test_sane_range if {
	count(hpa_sane.deny) == 0 with input as hpa({"minReplicas": 2, "maxReplicas": 10})
}

test_configured_minimum if {
	count(hpa_sane.deny) == 0 with input as hpa({"minReplicas": 1, "maxReplicas": 4}) with data.palisade.config as {"hpa_min_replicas": 1}
}
