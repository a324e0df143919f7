package palisade.kubernetes.netpol_default_deny_test

import rego.v1

import data.palisade.kubernetes.netpol_default_deny

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

deployment(ns, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web", "namespace": ns},
	"spec": {"template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

netpol(name, ns, spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "namespace": ns}, "spec": spec}

namespace(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

deny_all(ns) := netpol("deny", ns, {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})

test_namespace_without_policies if {
	n := namespace("shop")
	r := netpol_default_deny.deny with input as n with data.palisade.inventory as [entry(n)]
	r == {{"msg": "Namespace \"shop\" has no default-deny NetworkPolicy for Egress and Ingress", "cause": n}}
}

test_namespace_with_deny_all if {
	n := namespace("shop")
	count(netpol_default_deny.deny) == 0 with input as n with data.palisade.inventory as [entry(n), entry(deny_all("shop"))]
}

test_namespace_with_separate_policies if {
	n := namespace("shop")
	inv := [
		entry(netpol("di", "shop", {"podSelector": {}, "policyTypes": ["Ingress"]})),
		entry(netpol("de", "shop", {"podSelector": {}, "policyTypes": ["Egress"]})),
	]
	count(netpol_default_deny.deny) == 0 with input as n with data.palisade.inventory as inv
}

test_ingress_only if {
	n := namespace("shop")
	inv := [entry(netpol("di", "shop", {"podSelector": {}}))]
	r := netpol_default_deny.deny with input as n with data.palisade.inventory as inv
	some x in r
	x.msg == "Namespace \"shop\" has no default-deny NetworkPolicy for Egress"
	count(netpol_default_deny.deny) == 0 with input as n with data.palisade.inventory as inv
		with data.palisade.config as {"netpol_default_deny_types": ["Ingress"]}
}

test_policy_with_rules_is_not_default_deny if {
	n := namespace("shop")
	inv := [entry(netpol("all", "shop", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"], "ingress": [{}], "egress": [{}]}))]
	count(netpol_default_deny.deny) == 1 with input as n with data.palisade.inventory as inv
}

test_selector_policy_is_not_default_deny if {
	n := namespace("shop")
	inv := [entry(netpol("x", "shop", {"podSelector": {"matchLabels": {"a": "b"}}, "policyTypes": ["Ingress", "Egress"]}))]
	count(netpol_default_deny.deny) == 1 with input as n with data.palisade.inventory as inv
}

test_exempt_namespace if {
	count(netpol_default_deny.deny) == 0 with input as namespace("kube-system") with data.palisade.inventory as []
}

test_workload_without_namespace_document if {
	d := deployment("shop", {"app": "web"})
	r := netpol_default_deny.deny with input as d with data.palisade.inventory as [entry(d)]
	r == {{"msg": "Deployment \"web\" runs in namespace \"shop\", which has no default-deny NetworkPolicy for Egress and Ingress", "cause": d}}
}

test_workload_with_namespace_document_is_left_to_it if {
	d := deployment("shop", {"app": "web"})
	count(netpol_default_deny.deny) == 0 with input as d with data.palisade.inventory as [entry(d), entry(namespace("shop"))]
}

test_workload_with_default_deny if {
	d := deployment("shop", {"app": "web"})
	count(netpol_default_deny.deny) == 0 with input as d with data.palisade.inventory as [entry(d), entry(deny_all("shop"))]
}

test_other_kinds_ignored if {
	count(netpol_default_deny.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "c", "namespace": "shop"}} with data.palisade.inventory as []
}
