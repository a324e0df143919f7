package palisade.kubernetes.service_load_balancer_test

import rego.v1

import data.palisade.kubernetes.service_load_balancer

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

service(spec) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": spec}

ingress(name, annotations, spec) := {
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": name, "namespace": "shop", "annotations": annotations},
	"spec": spec,
}

rule(host, path) := {"host": host, "http": {"paths": [{"path": path, "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_load_balancer if {
	r := service_load_balancer.deny with input as service({"type": "LoadBalancer"})
	r == {{"msg": "Service \"web\" is of type LoadBalancer reachable from any address (no loadBalancerSourceRanges)", "cause": "LoadBalancer", "path": ["spec", "type"]}}
}

test_load_balancer_with_source_ranges if {
	r := service_load_balancer.deny with input as service({"type": "LoadBalancer", "loadBalancerSourceRanges": ["10.0.0.0/8"]})
	some x in r
	x.msg == "Service \"web\" is of type LoadBalancer"
}

test_internal_load_balancers_pass if {
	svc := service({"type": "LoadBalancer"})
	count(service_load_balancer.deny) == 0 with input as json.patch(svc, [{"op": "add", "path": "/metadata/annotations", "value": {"networking.gke.io/load-balancer-type": "Internal"}}])
	count(service_load_balancer.deny) == 0 with input as json.patch(svc, [{"op": "add", "path": "/metadata/annotations", "value": {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}}])
	count(service_load_balancer.deny) == 1 with input as json.patch(svc, [{"op": "add", "path": "/metadata/annotations", "value": {"service.beta.kubernetes.io/azure-load-balancer-internal": "false"}}])
}

test_allowed_by_config if {
	count(service_load_balancer.deny) == 0 with input as service({"type": "LoadBalancer"}) with data.palisade.config as {"service_allow_load_balancer": true}
}

test_cluster_ip_passes if {
	count(service_load_balancer.deny) == 0 with input as service({"type": "ClusterIP"})
}
