package palisade.kubernetes.pdb_sane_test

import rego.v1

import data.palisade.kubernetes.pdb_sane

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

namespace(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

deployment(name, ns, replicas, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": name, "namespace": ns},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

pdb(spec) := {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "web", "namespace": "shop"}, "spec": object.union({"selector": {"matchLabels": {"app": "web"}}}, spec)}

test_no_policy if {
	p := pdb({})
	r := pdb_sane.deny with input as p with data.palisade.inventory as []
	r == {{"msg": "PodDisruptionBudget \"web\" sets neither minAvailable nor maxUnavailable", "cause": p}}
}

test_max_unavailable_zero if {
	r := pdb_sane.deny with input as pdb({"maxUnavailable": 0}) with data.palisade.inventory as []
	some x in r
	x.msg == "PodDisruptionBudget \"web\" sets maxUnavailable to 0, blocking all evictions"
	count(pdb_sane.deny) == 1 with input as pdb({"maxUnavailable": "0%"}) with data.palisade.inventory as []
}

test_min_available_all if {
	r := pdb_sane.deny with input as pdb({"minAvailable": "100%"}) with data.palisade.inventory as []
	some x in r
	x.msg == "PodDisruptionBudget \"web\" sets minAvailable to 100%, blocking all evictions"
}

test_min_available_replicas if {
	d := deployment("web", "shop", 2, {"app": "web"})
	r := pdb_sane.deny with input as pdb({"minAvailable": 2}) with data.palisade.inventory as [entry(d)]
	some x in r
	x.msg == "PodDisruptionBudget \"web\" requires 2 available pods but Deployment \"web\" runs only 2, blocking all evictions"
}

test_min_available_below_replicas if {
	d := deployment("web", "shop", 3, {"app": "web"})
	count(pdb_sane.deny) == 0 with input as pdb({"minAvailable": 2}) with data.palisade.inventory as [entry(d)]
}

test_min_available_unselected_workload if {
	d := deployment("api", "shop", 1, {"app": "api"})
	count(pdb_sane.deny) == 0 with input as pdb({"minAvailable": 2}) with data.palisade.inventory as [entry(d)]
}

test_reasonable_budgets if {
	count(pdb_sane.deny) == 0 with input as pdb({"maxUnavailable": 1}) with data.palisade.inventory as []
	count(pdb_sane.deny) == 0 with input as pdb({"maxUnavailable": "25%"}) with data.palisade.inventory as []
	count(pdb_sane.deny) == 0 with input as pdb({"minAvailable": "50%"}) with data.palisade.inventory as []
}
