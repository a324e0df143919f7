# METADATA
# title: Service, Ingress, HPA or PDB points at nothing
# description: >-
#   A Service selector, an Ingress backend, a HorizontalPodAutoscaler scaleTargetRef or a
#   PodDisruptionBudget selector that matches nothing among the documents of the scan. To avoid
#   noise when a scan holds only part of an application, a reference is reported only when the
#   scan holds objects of the target kind in the same namespace (workloads for Services and PDBs,
#   Services for Ingresses, the scaleTargetRef kind for HPAs). Usually a typo or a leftover: the
#   object has no effect.
# custom:
#   id: KC-036
#   severity: INFO
#   input: [kubernetes]
#   remediation: >-
#     Fix the selector labels or the referenced name, or delete the leftover object.
#   references:
#     - https://kube-score.com/
#     - https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
#   related: [KSC service-targets-pod, KSC ingress-targets-service, KSC hpa-has-target]
#   profiles: []
package palisade.kubernetes.dangling_references

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	svc := kubernetes.object
	svc.kind == "Service"
	not svc.spec.type == "ExternalName"
	sel := cluster.get_object(svc, ["spec", "selector"])
	count(sel) > 0
	workloads := cluster.workloads_in(cluster.namespace_of(svc))
	count(workloads) > 0
	every w in workloads {
		not cluster.map_selector_matches(sel, cluster.pod_labels_of(w))
	}
	msg := sprintf("Service \"%s\" selects none of the workloads of namespace \"%s\" in the scan", [cluster.name_of(svc), cluster.namespace_of(svc)])
	res := result.new(msg, svc.spec.selector)
}

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	services := cluster.objects_in("Service", cluster.namespace_of(ing))
	count(services) > 0
	some backend in backends(ing)
	name := backend_service(backend)
	every s in services {
		cluster.name_of(s) != name
	}
	msg := sprintf("Ingress \"%s\" routes to Service \"%s\", which the scan does not define in namespace \"%s\"", [cluster.name_of(ing), name, cluster.namespace_of(ing)])
	res := result.new(msg, backend)
}

deny contains res if {
	hpa := kubernetes.object
	hpa.kind == "HorizontalPodAutoscaler"
	ref := hpa.spec.scaleTargetRef
	targets := cluster.objects_in(ref.kind, cluster.namespace_of(hpa))
	count(targets) > 0
	every t in targets {
		cluster.name_of(t) != ref.name
	}
	msg := sprintf("HorizontalPodAutoscaler \"%s\" targets %s \"%s\", which the scan does not define in namespace \"%s\"", [cluster.name_of(hpa), ref.kind, ref.name, cluster.namespace_of(hpa)])
	res := result.new(msg, ref)
}

deny contains res if {
	pdb := kubernetes.object
	pdb.kind == "PodDisruptionBudget"
	sel := cluster.get_object(pdb, ["spec", "selector"])
	not cluster.selector_is_empty(sel)
	workloads := cluster.workloads_in(cluster.namespace_of(pdb))
	count(workloads) > 0
	every w in workloads {
		not cluster.selector_matches(sel, cluster.pod_labels_of(w))
	}
	msg := sprintf("PodDisruptionBudget \"%s\" selects none of the workloads of namespace \"%s\" in the scan", [cluster.name_of(pdb), cluster.namespace_of(pdb)])
	res := result.new(msg, pdb.spec.selector)
}

# Backends of an Ingress (networking.k8s.io/v1 and the older extensions/v1beta1 shape).
backends(ing) := array.concat(default_backend, rule_backends) if {
	default_backend := [b | b := ing.spec.defaultBackend; is_object(b)]
	rule_backends := [p.backend |
		some rule in cluster.get_array(ing, ["spec", "rules"])
		some p in cluster.get_array(rule, ["http", "paths"])
		is_object(p.backend)
	]
}

backend_service(b) := b.service.name if is_string(b.service.name) else := b.serviceName if is_string(b.serviceName)
