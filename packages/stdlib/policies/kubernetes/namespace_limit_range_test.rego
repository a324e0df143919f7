package palisade.kubernetes.namespace_limit_range_test

import rego.v1

import data.palisade.kubernetes.namespace_limit_range

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

namespace(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

deployment(name, ns, replicas, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": name, "namespace": ns},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

test_without_limit_range if {
	n := namespace("shop", {})
	r := namespace_limit_range.deny with input as n with data.palisade.inventory as [entry(n)]
	r == {{"msg": "Namespace \"shop\" has no LimitRange", "cause": n}}
}

test_with_limit_range if {
	lr := {"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "l", "namespace": "shop"}, "spec": {"limits": [{"type": "Container"}]}}
	count(namespace_limit_range.deny) == 0 with input as namespace("shop", {}) with data.palisade.inventory as [entry(lr)]
}

test_limit_range_in_other_namespace if {
	lr := {"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "l", "namespace": "other"}}
	count(namespace_limit_range.deny) == 1 with input as namespace("shop", {}) with data.palisade.inventory as [entry(lr)]
}

test_exempt_and_other_kinds if {
	count(namespace_limit_range.deny) == 0 with input as namespace("kube-public", {}) with data.palisade.inventory as []
	count(namespace_limit_range.deny) == 0 with input as deployment("web", "shop", 1, {}) with data.palisade.inventory as []
}
