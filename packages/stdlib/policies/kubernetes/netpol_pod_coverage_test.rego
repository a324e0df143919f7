package palisade.kubernetes.netpol_pod_coverage_test

import rego.v1

import data.palisade.kubernetes.netpol_pod_coverage

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

deployment(ns, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web", "namespace": ns},
	"spec": {"template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

netpol(name, ns, spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "namespace": ns}, "spec": spec}

namespace(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

deny_all(ns) := netpol("deny", ns, {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})

test_no_policies if {
	d := deployment("shop", {"app": "web"})
	r := netpol_pod_coverage.deny with input as d with data.palisade.inventory as [entry(d)]
	r == {{"msg": "Deployment \"web\" in namespace \"shop\": no NetworkPolicy selects its pods", "cause": d.spec.template}}
}

test_selected_by_labels if {
	d := deployment("shop", {"app": "web"})
	np := netpol("web", "shop", {"podSelector": {"matchLabels": {"app": "web"}}})
	count(netpol_pod_coverage.deny) == 0 with input as d with data.palisade.inventory as [entry(d), entry(np)]
}

test_selected_by_expression if {
	d := deployment("shop", {"app": "web"})
	np := netpol("web", "shop", {"podSelector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web", "api"]}]}})
	count(netpol_pod_coverage.deny) == 0 with input as d with data.palisade.inventory as [entry(np)]
}

test_selected_by_default_deny if {
	d := deployment("shop", {"app": "web"})
	count(netpol_pod_coverage.deny) == 0 with input as d with data.palisade.inventory as [entry(deny_all("shop"))]
}

test_policy_in_other_namespace if {
	d := deployment("shop", {"app": "web"})
	count(netpol_pod_coverage.deny) == 1 with input as d with data.palisade.inventory as [entry(deny_all("other"))]
}

test_policy_selecting_other_pods if {
	d := deployment("shop", {"app": "web"})
	np := netpol("api", "shop", {"podSelector": {"matchLabels": {"app": "api"}}})
	count(netpol_pod_coverage.deny) == 1 with input as d with data.palisade.inventory as [entry(np)]
}

test_missing_namespace_is_default if {
	d := json.remove(deployment("x", {"app": "web"}), ["metadata/namespace"])
	count(netpol_pod_coverage.deny) == 0 with input as d with data.palisade.inventory as [entry(deny_all("default"))]
	count(netpol_pod_coverage.deny) == 1 with input as d with data.palisade.inventory as [entry(deny_all("shop"))]
}

test_pod_and_cronjob if {
	pod := {"kind": "Pod", "metadata": {"name": "p", "namespace": "shop", "labels": {"app": "web"}}, "spec": {"containers": [{"name": "a", "image": "a"}]}}
	r := netpol_pod_coverage.deny with input as pod with data.palisade.inventory as []
	some x in r
	x.cause == pod
	cj := {"kind": "CronJob", "metadata": {"name": "c", "namespace": "shop"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": []}}}}}}
	np := netpol("web", "shop", {"podSelector": {"matchLabels": {"app": "web"}}})
	count(netpol_pod_coverage.deny) == 0 with input as cj with data.palisade.inventory as [entry(np)]
}

test_exempt_namespace if {
	count(netpol_pod_coverage.deny) == 0 with input as deployment("kube-system", {}) with data.palisade.inventory as []
}

test_non_workloads_ignored if {
	count(netpol_pod_coverage.deny) == 0 with input as {"kind": "Service", "metadata": {"name": "s"}} with data.palisade.inventory as []
}
