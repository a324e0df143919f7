package palisade.kubernetes.namespace_resource_quota_test

import rego.v1

import data.palisade.kubernetes.namespace_resource_quota

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

namespace(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

deployment(name, ns, replicas, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": name, "namespace": ns},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

quota(name, hard) := {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": name, "namespace": "shop"}, "spec": {"hard": hard}}

full := {"requests.cpu": "4", "requests.memory": "8Gi", "limits.cpu": "8", "limits.memory": "16Gi"}

test_namespace_without_quota if {
	n := namespace("shop", {})
	r := namespace_resource_quota.deny with input as n with data.palisade.inventory as [entry(n)]
	r == {{"msg": "Namespace \"shop\" has no ResourceQuota", "cause": n}}
}

test_namespace_with_quota if {
	count(namespace_resource_quota.deny) == 0 with input as namespace("shop", {}) with data.palisade.inventory as [entry(quota("q", full))]
}

test_exempt_namespace if {
	count(namespace_resource_quota.deny) == 0 with input as namespace("kube-system", {}) with data.palisade.inventory as []
}

test_incomplete_quota if {
	q := quota("q", {"pods": "10", "cpu": "4"})
	r := namespace_resource_quota.deny with input as q with data.palisade.inventory as [entry(q)]
	r == {{"msg": "ResourceQuota \"q\" leaves limits.cpu, limits.memory, requests.memory of namespace \"shop\" unlimited", "cause": q}}
}

test_complete_quota if {
	count(namespace_resource_quota.deny) == 0 with input as quota("q", full) with data.palisade.inventory as []
}

test_quotas_complete_together if {
	a := quota("a", {"cpu": "4", "memory": "8Gi"})
	b := quota("b", {"limits.cpu": "8", "limits.memory": "16Gi"})
	count(namespace_resource_quota.deny) == 0 with input as a with data.palisade.inventory as [entry(a), entry(b)]
}

test_configured_resources if {
	count(namespace_resource_quota.deny) == 0 with input as quota("q", {"pods": "10"}) with data.palisade.inventory as []
		with data.palisade.config as {"namespace_quota_resources": ["pods"]}
}

test_quota_without_hard if {
	count(namespace_resource_quota.deny) == 1 with input as {"kind": "ResourceQuota", "metadata": {"name": "q", "namespace": "shop"}} with data.palisade.inventory as []
}
