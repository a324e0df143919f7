package palisade.kubernetes.mesh_authorization_test

import rego.v1

import data.palisade.kubernetes.mesh_authorization

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

namespace(name, labels, annotations) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels, "annotations": annotations}}

istio_ns(name) := namespace(name, {"istio-injection": "enabled"}, {})

linkerd_ns(name) := namespace(name, {}, {"linkerd.io/inject": "enabled"})

istio_policy(ns) := {"apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy", "metadata": {"name": "deny", "namespace": ns}, "spec": {}}

linkerd(kind, ns) := {"apiVersion": "policy.linkerd.io/v1beta3", "kind": kind, "metadata": {"name": "x", "namespace": ns}}

test_istio_without_policy if {
	n := istio_ns("shop")
	r := mesh_authorization.deny with input as n with data.palisade.inventory as [entry(n)]
	r == {{"msg": "Namespace \"shop\" is in the Istio mesh without any AuthorizationPolicy", "cause": n}}
}

test_istio_policy_in_namespace_or_root if {
	count(mesh_authorization.deny) == 0 with input as istio_ns("shop") with data.palisade.inventory as [entry(istio_policy("shop"))]
	count(mesh_authorization.deny) == 0 with input as istio_ns("shop") with data.palisade.inventory as [entry(istio_policy("istio-system"))]
	count(mesh_authorization.deny) == 1 with input as istio_ns("shop") with data.palisade.inventory as [entry(istio_policy("other"))]
	count(mesh_authorization.deny) == 0 with input as istio_ns("shop") with data.palisade.inventory as [entry(istio_policy("mesh-root"))]
		with data.palisade.config as {"istio_root_namespace": "mesh-root"}
}

test_linkerd_policy_is_not_istio if {
	count(mesh_authorization.deny) == 1 with input as istio_ns("shop") with data.palisade.inventory as [entry(linkerd("AuthorizationPolicy", "shop"))]
}

test_linkerd_without_server if {
	r := mesh_authorization.deny with input as linkerd_ns("shop") with data.palisade.inventory as [entry(linkerd("AuthorizationPolicy", "shop"))]
	some x in r
	x.msg == "Namespace \"shop\" is in the Linkerd mesh without a Server and an authorization policy"
}

test_linkerd_with_server_and_policy if {
	inv := [entry(linkerd("Server", "shop")), entry(linkerd("ServerAuthorization", "shop"))]
	count(mesh_authorization.deny) == 0 with input as linkerd_ns("shop") with data.palisade.inventory as inv
}

test_linkerd_default_deny if {
	n := namespace("shop", {}, {"linkerd.io/inject": "enabled", "config.linkerd.io/default-inbound-policy": "deny"})
	count(mesh_authorization.deny) == 0 with input as n with data.palisade.inventory as []
}

test_not_meshed_namespace_ignored if {
	count(mesh_authorization.deny) == 0 with input as namespace("shop", {}, {}) with data.palisade.inventory as []
}
