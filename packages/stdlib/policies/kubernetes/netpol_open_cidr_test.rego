package palisade.kubernetes.netpol_open_cidr_test

import rego.v1

import data.palisade.kubernetes.netpol_open_cidr

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

deployment(ns, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web", "namespace": ns},
	"spec": {"template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

netpol(name, ns, spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": name, "namespace": ns}, "spec": spec}

namespace(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

deny_all(ns) := netpol("deny", ns, {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})

test_egress_anywhere if {
	block := {"cidr": "0.0.0.0/0"}
	np := netpol("e", "shop", {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"to": [{"ipBlock": block}]}]})
	r := netpol_open_cidr.deny with input as np
	r == {{"msg": "NetworkPolicy \"e\" allows egress to 0.0.0.0/0 without exceptions", "cause": block}}
}

test_ingress_anywhere_ipv6 if {
	np := netpol("i", "shop", {"podSelector": {}, "ingress": [{"from": [{"podSelector": {}}, {"ipBlock": {"cidr": "::/0"}}]}]})
	r := netpol_open_cidr.deny with input as np
	some x in r
	x.msg == "NetworkPolicy \"i\" allows ingress from ::/0 without exceptions"
}

test_except_passes if {
	np := netpol("e", "shop", {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]}]})
	count(netpol_open_cidr.deny) == 0 with input as np
}

test_narrow_cidr_passes if {
	np := netpol("e", "shop", {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/8"}}, {"ipBlock": {"cidr": "203.0.113.0/24"}}]}]})
	count(netpol_open_cidr.deny) == 0 with input as np
}

test_type_not_in_effect_ignored if {
	np := netpol("e", "shop", {"podSelector": {}, "policyTypes": ["Ingress"], "egress": [{"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}]}]})
	count(netpol_open_cidr.deny) == 0 with input as np
}

test_malformed_cidr_ignored if {
	np := netpol("e", "shop", {"podSelector": {}, "ingress": [{"from": [{"ipBlock": {"cidr": "bogus"}}, {"ipBlock": {}}]}]})
	count(netpol_open_cidr.deny) == 0 with input as np
}
