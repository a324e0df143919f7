package palisade.kubernetes.service_external_ips_test

import rego.v1

import data.palisade.kubernetes.service_external_ips

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

service(spec) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

ingress(name, annotations, spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": name, "namespace": "shop", "annotations": annotations},
	"spec": spec,
}

rule(host, path) := {"host": host, "http": {"paths": [{"path": path, "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_external_ip if {
	r := service_external_ips.deny with input as service({"externalIPs": ["203.0.113.7"]})
	r == {{"msg": "Service \"web\" claims the external IP 203.0.113.7", "cause": "203.0.113.7", "path": ["spec", "externalIPs", 0]}}
}

test_each_ip_reported if {
	count(service_external_ips.deny) == 2 with input as service({"externalIPs": ["203.0.113.7", "203.0.113.8"]})
}

test_allowed_ip if {
	count(service_external_ips.deny) == 1 with input as service({"externalIPs": ["203.0.113.7", "203.0.113.8"]})
		with data.palisade.config as {"service_allowed_external_ips": ["203.0.113.7"]}
}

test_no_external_ips if {
	count(service_external_ips.deny) == 0 with input as service({"ports": [{"port": 80}]})
	count(service_external_ips.deny) == 0 with input as service({"externalIPs": []})
	count(service_external_ips.deny) == 0 with input as service({"externalIPs": null})
}
