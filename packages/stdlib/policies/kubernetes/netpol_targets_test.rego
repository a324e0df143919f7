package palisade.kubernetes.netpol_targets_test

import rego.v1

import data.palisade.kubernetes.netpol_targets

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

deployment(ns, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web", "namespace": ns},
	"spec": {"template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

netpol(name, ns, spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "namespace": ns}, "spec": spec}

namespace(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

deny_all(ns) := netpol("deny", ns, {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})

test_selects_nothing if {
	np := netpol("web", "shop", {"podSelector": {"matchLabels": {"app": "wbe"}}})
	r := netpol_targets.deny with input as np with data.palisade.inventory as [entry(np), entry(deployment("shop", {"app": "web"}))]
	r == {{"msg": "NetworkPolicy \"web\" selects none of the 1 workloads of namespace \"shop\" in the scan", "cause": np.spec.podSelector}}
}

test_selects_a_workload if {
	np := netpol("web", "shop", {"podSelector": {"matchLabels": {"app": "web"}}})
	count(netpol_targets.deny) == 0 with input as np with data.palisade.inventory as [entry(deployment("shop", {"app": "web"}))]
}

test_no_workloads_in_scan if {
	np := netpol("web", "shop", {"podSelector": {"matchLabels": {"app": "web"}}})
	count(netpol_targets.deny) == 0 with input as np with data.palisade.inventory as [entry(deployment("other", {"app": "x"}))]
}

test_empty_selector_not_checked if {
	count(netpol_targets.deny) == 0 with input as deny_all("shop") with data.palisade.inventory as [entry(deployment("shop", {"app": "web"}))]
}

test_empty_ingress_rule if {
	np := netpol("open", "shop", {"podSelector": {}, "ingress": [{}]})
	r := netpol_targets.deny with input as np with data.palisade.inventory as []
	r == {{"msg": "NetworkPolicy \"open\" has an empty ingress rule that allows all ingress traffic", "cause": {}}}
}

test_empty_egress_rule if {
	np := netpol("open", "shop", {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"to": []}]})
	count(netpol_targets.deny) == 1 with input as np with data.palisade.inventory as []
}

test_rule_of_type_not_in_effect_ignored if {
	np := netpol("open", "shop", {"podSelector": {}, "policyTypes": ["Ingress"], "ingress": [], "egress": [{}]})
	count(netpol_targets.deny) == 0 with input as np with data.palisade.inventory as []
}

test_rules_with_peers_or_ports_pass if {
	np := netpol("ok", "shop", {"podSelector": {}, "ingress": [{"ports": [{"port": 80}]}, {"from": [{"podSelector": {}}]}]})
	count(netpol_targets.deny) == 0 with input as np with data.palisade.inventory as []
}
