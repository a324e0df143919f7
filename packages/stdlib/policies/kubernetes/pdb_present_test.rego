package palisade.kubernetes.pdb_present_test

import rego.v1

import data.palisade.kubernetes.pdb_present

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

namespace(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

deployment(name, ns, replicas, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": name, "namespace": ns},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

pdb(ns, selector) := {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "p", "namespace": ns}, "spec": {"maxUnavailable": 1, "selector": selector}}

test_without_pdb if {
	d := deployment("web", "shop", 3, {"app": "web"})
	r := pdb_present.deny with input as d with data.palisade.inventory as [entry(d)]
	r == {{"msg": "Deployment \"web\" runs 3 replicas and no PodDisruptionBudget selects its pods", "cause": 3, "path": ["spec", "replicas"]}}
}

test_with_pdb if {
	d := deployment("web", "shop", 3, {"app": "web"})
	count(pdb_present.deny) == 0 with input as d with data.palisade.inventory as [entry(pdb("shop", {"matchLabels": {"app": "web"}}))]
}

test_pdb_for_other_pods_or_namespace if {
	d := deployment("web", "shop", 3, {"app": "web"})
	count(pdb_present.deny) == 1 with input as d with data.palisade.inventory as [entry(pdb("shop", {"matchLabels": {"app": "api"}})), entry(pdb("other", {"matchLabels": {"app": "web"}}))]
}

test_statefulset if {
	s := json.patch(deployment("db", "shop", 2, {"app": "db"}), [{"op": "replace", "path": "/kind", "value": "StatefulSet"}])
	count(pdb_present.deny) == 1 with input as s with data.palisade.inventory as []
}

test_single_replica_or_unset if {
	count(pdb_present.deny) == 0 with input as deployment("web", "shop", 1, {"app": "web"}) with data.palisade.inventory as []
	count(pdb_present.deny) == 0 with input as json.remove(deployment("web", "shop", 3, {}), ["spec/replicas"]) with data.palisade.inventory as []
}

test_configured_minimum if {
	count(pdb_present.deny) == 0 with input as deployment("web", "shop", 3, {"app": "web"}) with data.palisade.inventory as []
		with data.palisade.config as {"pdb_min_replicas": 5}
}

test_daemonset_ignored if {
	d := json.patch(deployment("agent", "shop", 3, {"app": "a"}), [{"op": "replace", "path": "/kind", "value": "DaemonSet"}])
	count(pdb_present.deny) == 0 with input as d with data.palisade.inventory as []
}
