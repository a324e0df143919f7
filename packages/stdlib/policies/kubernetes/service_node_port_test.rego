package palisade.kubernetes.service_node_port_test

import rego.v1

import data.palisade.kubernetes.service_node_port

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

service(spec) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

ingress(name, annotations, spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": name, "namespace": "shop", "annotations": annotations},
	"spec": spec,
}

rule(host, path) := {"host": host, "http": {"paths": [{"path": path, "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_node_port if {
	r := service_node_port.deny with input as service({"type": "NodePort"})
	r == {{"msg": "Service \"web\" is of type NodePort", "cause": "NodePort", "path": ["spec", "type"]}}
}

test_other_types_pass if {
	count(service_node_port.deny) == 0 with input as service({"type": "ClusterIP"})
	count(service_node_port.deny) == 0 with input as service({})
	count(service_node_port.deny) == 0 with input as {"kind": "Service", "metadata": {"name": "x"}}
}
