package palisade.kubernetes.ingress_nginx_snippets_test

import rego.v1

import data.palisade.kubernetes.ingress_nginx_snippets

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

service(spec) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

ingress(name, annotations, spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": name, "namespace": "shop", "annotations": annotations},
	"spec": spec,
}

rule(host, path) := {"host": host, "http": {"paths": [{"path": path, "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_configuration_snippet if {
	key := "nginx.ingress.kubernetes.io/configuration-snippet"
	r := ingress_nginx_snippets.deny with input as ingress("web", {key: "more_set_headers \"X: y\";"}, {})
	r == {{"msg": "Ingress \"web\" sets the snippet annotation nginx.ingress.kubernetes.io/configuration-snippet", "cause": "more_set_headers \"X: y\";", "path": ["metadata", "annotations", key]}}
}

test_server_and_auth_snippets if {
	count(ingress_nginx_snippets.deny) == 2 with input as ingress("web", {"nginx.ingress.kubernetes.io/server-snippet": "x", "nginx.ingress.kubernetes.io/auth-snippet": "y"}, {})
}

test_injection_in_other_annotation if {
	r := ingress_nginx_snippets.deny with input as ingress("web", {"nginx.ingress.kubernetes.io/auth-url": "http://x/;\nalias /var/run/secrets/kubernetes.io/serviceaccount/;"}, {})
	some x in r
	x.msg == "Ingress \"web\" annotation nginx.ingress.kubernetes.io/auth-url carries nginx directives or secret paths"
}

test_lua_in_annotation if {
	count(ingress_nginx_snippets.deny) == 1 with input as ingress("web", {"nginx.ingress.kubernetes.io/permanent-redirect": "https://x;content_by_lua_block{}"}, {})
}

test_safe_annotations_pass if {
	count(ingress_nginx_snippets.deny) == 0 with input as ingress("web", {"nginx.ingress.kubernetes.io/ssl-redirect": "true", "nginx.ingress.kubernetes.io/rewrite-target": "/$2", "example.com/server-snippet": "x"}, {})
	count(ingress_nginx_snippets.deny) == 0 with input as ingress("web", null, {})
}

test_only_ingresses if {
	count(ingress_nginx_snippets.deny) == 0 with input as {"kind": "Service", "metadata": {"name": "s", "annotations": {"nginx.ingress.kubernetes.io/server-snippet": "x"}}}
}
