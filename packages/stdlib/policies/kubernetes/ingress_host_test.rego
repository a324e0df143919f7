package palisade.kubernetes.ingress_host_test

import rego.v1

import data.palisade.kubernetes.ingress_host

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

service(spec) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

ingress(name, annotations, spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": name, "namespace": "shop", "annotations": annotations},
	"spec": spec,
}

rule(host, path) := {"host": host, "http": {"paths": [{"path": path, "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_missing_host if {
	r0 := {"http": {"paths": []}}
	ing := ingress("web", {}, {"rules": [r0]})
	r := ingress_host.deny with input as ing with data.palisade.inventory as []
	r == {{"msg": "Ingress \"web\" has a rule without a host, matching any host name", "cause": r0}}
	count(ingress_host.deny) == 1 with input as ingress("web", {}, {"rules": [{"host": ""}]}) with data.palisade.inventory as []
}

test_wildcard_host if {
	r := ingress_host.deny with input as ingress("web", {}, {"rules": [rule("*.example.com", "/")]}) with data.palisade.inventory as []
	some x in r
	x.msg == "Ingress \"web\" uses the wildcard host \"*.example.com\""
}

test_specific_host_passes if {
	count(ingress_host.deny) == 0 with input as ingress("web", {}, {"rules": [rule("shop.example.com", "/")]}) with data.palisade.inventory as []
	count(ingress_host.deny) == 0 with input as ingress("web", {}, {"defaultBackend": {}}) with data.palisade.inventory as []
}

test_duplicate_host_and_path if {
	a := ingress("a", {}, {"rules": [rule("shop.example.com", "/")]})
	b := json.patch(ingress("b", {}, {"rules": [rule("shop.example.com", "/")]}), [{"op": "replace", "path": "/metadata/namespace", "value": "other"}])
	r := ingress_host.deny with input as a with data.palisade.inventory as [entry(a), entry(b)]
	some x in r
	x.msg == "Ingress \"a\" routes host \"shop.example.com\" path /, which Ingress \"b\" in namespace \"other\" also routes"
}

test_same_host_other_path_passes if {
	a := ingress("a", {}, {"rules": [rule("shop.example.com", "/")]})
	b := ingress("b", {}, {"rules": [rule("shop.example.com", "/api")]})
	count(ingress_host.deny) == 0 with input as a with data.palisade.inventory as [entry(a), entry(b)]
}

test_same_host_other_class_passes if {
	a := ingress("a", {}, {"ingressClassName": "public", "rules": [rule("shop.example.com", "/")]})
	b := ingress("b", {}, {"ingressClassName": "internal", "rules": [rule("shop.example.com", "/")]})
	count(ingress_host.deny) == 0 with input as a with data.palisade.inventory as [entry(a), entry(b)]
}

test_self_is_not_a_duplicate if {
	a := ingress("a", {}, {"rules": [rule("shop.example.com", "/")]})
	count(ingress_host.deny) == 0 with input as a with data.palisade.inventory as [entry(a)]
}
