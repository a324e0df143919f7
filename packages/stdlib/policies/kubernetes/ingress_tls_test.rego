package palisade.kubernetes.ingress_tls_test

import rego.v1

import data.palisade.kubernetes.ingress_tls

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

service(spec) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

ingress(name, annotations, spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": name, "namespace": "shop", "annotations": annotations},
	"spec": spec,
}

rule(host, path) := {"host": host, "http": {"paths": [{"path": path, "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_no_tls if {
	ing := ingress("web", {}, {"rules": [rule("shop.example.com", "/")]})
	r := ingress_tls.deny with input as ing
	r == {{"msg": "Ingress \"web\" has no TLS configuration", "cause": ing}}
	count(ingress_tls.deny) == 1 with input as ingress("web", {}, {"rules": [rule("a", "/")], "tls": []})
}

test_host_not_covered if {
	r1 := rule("shop.example.com", "/")
	r2 := rule("admin.example.com", "/")
	ing := ingress("web", {}, {"rules": [r1, r2], "tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}]})
	r := ingress_tls.deny with input as ing
	r == {{"msg": "Ingress \"web\" serves host \"admin.example.com\" without TLS", "cause": r2}}
}

test_all_hosts_covered if {
	ing := ingress("web", {}, {"rules": [rule("shop.example.com", "/"), rule("x.example.com", "/")], "tls": [{"hosts": ["shop.example.com", "x.example.com"]}]})
	count(ingress_tls.deny) == 0 with input as ing
}

test_wildcard_certificate if {
	ing := ingress("web", {}, {"rules": [rule("shop.example.com", "/"), rule("a.b.example.com", "/")], "tls": [{"hosts": ["*.example.com"]}]})
	r := ingress_tls.deny with input as ing
	count(r) == 1
	some x in r
	contains(x.msg, "a.b.example.com")
}

test_tls_without_hosts_covers_all if {
	ing := ingress("web", {}, {"rules": [rule("shop.example.com", "/")], "tls": [{"secretName": "default"}]})
	count(ingress_tls.deny) == 0 with input as ing
}

test_rule_without_host if {
	ing := ingress("web", {}, {"rules": [{"http": {"paths": []}}], "tls": [{"hosts": ["a.example.com"]}]})
	count(ingress_tls.deny) == 0 with input as ing
}
