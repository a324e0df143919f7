package palisade.kubernetes.mesh_injection_namespace_test

import rego.v1

import data.palisade.kubernetes.mesh_injection_namespace

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

namespace(name, labels, annotations) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels, "annotations": annotations}}

istio_ns(name) := namespace(name, {"istio-injection": "enabled"}, {})

linkerd_ns(name) := namespace(name, {}, {"linkerd.io/inject": "enabled"})

test_not_enrolled_while_mesh_in_use if {
	n := namespace("shop", {}, {})
	r := mesh_injection_namespace.deny with input as n with data.palisade.inventory as [entry(n), entry(istio_ns("pay"))]
	r == {{"msg": "Namespace \"shop\" is not enrolled in the service mesh", "cause": n}}
}

test_disabled_injection if {
	n := namespace("shop", {"istio-injection": "disabled"}, {})
	r := mesh_injection_namespace.deny with input as n with data.palisade.inventory as [entry(istio_ns("pay"))]
	some x in r
	x.msg == "Namespace \"shop\" is not enrolled in the service mesh (istio-injection is disabled)"
}

test_mesh_resource_is_evidence if {
	pa := {"apiVersion": "security.istio.io/v1", "kind": "PeerAuthentication", "metadata": {"name": "default", "namespace": "istio-system"}}
	count(mesh_injection_namespace.deny) == 1 with input as namespace("shop", {}, {}) with data.palisade.inventory as [entry(pa)]
}

test_no_mesh_in_scan if {
	count(mesh_injection_namespace.deny) == 0 with input as namespace("shop", {}, {}) with data.palisade.inventory as []
}

test_mesh_required if {
	count(mesh_injection_namespace.deny) == 1 with input as namespace("shop", {}, {}) with data.palisade.inventory as []
		with data.palisade.config as {"mesh_required": true}
}

test_enrolled_namespaces_pass if {
	inv := [entry(istio_ns("pay"))]
	count(mesh_injection_namespace.deny) == 0 with input as istio_ns("shop") with data.palisade.inventory as inv
	count(mesh_injection_namespace.deny) == 0 with input as linkerd_ns("shop") with data.palisade.inventory as inv
	count(mesh_injection_namespace.deny) == 0 with input as namespace("shop", {"istio.io/rev": "canary"}, {}) with data.palisade.inventory as inv
	count(mesh_injection_namespace.deny) == 0 with input as namespace("shop", {"istio.io/dataplane-mode": "ambient"}, {}) with data.palisade.inventory as inv
}

test_exempt_namespaces if {
	count(mesh_injection_namespace.deny) == 0 with input as namespace("istio-system", {}, {}) with data.palisade.inventory as [entry(istio_ns("pay"))]
}
