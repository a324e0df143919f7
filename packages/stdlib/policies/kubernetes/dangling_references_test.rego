package palisade.kubernetes.dangling_references_test

import rego.v1

import data.palisade.kubernetes.dangling_references

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

deployment(name, ns, replicas, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": name, "namespace": ns},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

namespace(name, labels, annotations) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels, "annotations": annotations}}

service(selector) := {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"selector": selector}}

ingress(backend) := {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"rules": [{"host": "a", "http": {"paths": [{"path": "/", "backend": backend}]}}]}}

hpa(kind, name) := {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": kind, "name": name}, "maxReplicas": 5}}

pdb(selector) := {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"minAvailable": 1, "selector": selector}}

web := deployment("web", "shop", 2, {"app": "web"})

test_service_selects_nothing if {
	svc := service({"app": "wbe"})
	r := dangling_references.deny with input as svc with data.palisade.inventory as [entry(web), entry(svc)]
	r == {{"msg": "Service \"web\" selects none of the workloads of namespace \"shop\" in the scan", "cause": {"app": "wbe"}}}
}

test_service_selects_workload if {
	count(dangling_references.deny) == 0 with input as service({"app": "web"}) with data.palisade.inventory as [entry(web)]
}

test_service_without_workloads_in_scan if {
	count(dangling_references.deny) == 0 with input as service({"app": "wbe"}) with data.palisade.inventory as []
}

test_service_without_selector if {
	count(dangling_references.deny) == 0 with input as service(null) with data.palisade.inventory as [entry(web)]
	count(dangling_references.deny) == 0 with input as service({}) with data.palisade.inventory as [entry(web)]
}

test_ingress_backend_missing if {
	backend := {"service": {"name": "api", "port": {"number": 80}}}
	r := dangling_references.deny with input as ingress(backend) with data.palisade.inventory as [entry(service({"app": "web"}))]
	r == {{"msg": "Ingress \"web\" routes to Service \"api\", which the scan does not define in namespace \"shop\"", "cause": backend}}
}

test_ingress_legacy_backend_and_default_backend if {
	ing := {"kind": "Ingress", "metadata": {"name": "old", "namespace": "shop"}, "spec": {"defaultBackend": {"service": {"name": "gone"}}, "rules": [{"http": {"paths": [{"backend": {"serviceName": "api", "servicePort": 80}}]}}]}}
	count(dangling_references.deny) == 2 with input as ing with data.palisade.inventory as [entry(service({"app": "web"}))]
}

test_ingress_backend_found if {
	count(dangling_references.deny) == 0 with input as ingress({"service": {"name": "web"}}) with data.palisade.inventory as [entry(service({"app": "web"}))]
}

test_ingress_resource_backend_ignored if {
	count(dangling_references.deny) == 0 with input as ingress({"resource": {"kind": "StorageBucket", "name": "x"}}) with data.palisade.inventory as [entry(service({"app": "web"}))]
}

test_ingress_without_services_in_scan if {
	count(dangling_references.deny) == 0 with input as ingress({"service": {"name": "api"}}) with data.palisade.inventory as []
}

test_hpa_target_missing if {
	r := dangling_references.deny with input as hpa("Deployment", "api") with data.palisade.inventory as [entry(web)]
	some x in r
	x.msg == "HorizontalPodAutoscaler \"web\" targets Deployment \"api\", which the scan does not define in namespace \"shop\""
}

test_hpa_target_found if {
	count(dangling_references.deny) == 0 with input as hpa("Deployment", "web") with data.palisade.inventory as [entry(web)]
	count(dangling_references.deny) == 0 with input as hpa("StatefulSet", "db") with data.palisade.inventory as [entry(web)]
}

test_pdb_selects_nothing if {
	r := dangling_references.deny with input as pdb({"matchLabels": {"app": "api"}}) with data.palisade.inventory as [entry(web)]
	count(r) == 1
}

test_pdb_selects_workload if {
	count(dangling_references.deny) == 0 with input as pdb({"matchLabels": {"app": "web"}}) with data.palisade.inventory as [entry(web)]
	count(dangling_references.deny) == 0 with input as pdb({"matchLabels": {"app": "api"}}) with data.palisade.inventory as []
}
