# METADATA
# title: StatefulSet misconfigured
# description: >-
#   A StatefulSet has no governing headless Service (`serviceName` unset, or a Service in the
#   scan with that name that is not headless), or a volumeClaimTemplate without a ReadWriteOnce
#   access mode or a storage request.
# custom:
#   id: KW-064
#   severity: INFO
#   input: [kubernetes]
#   remediation: >-
#     Point `serviceName` at a Service with `clusterIP: None`; give each volumeClaimTemplate `accessModes` ReadWriteOnce (or ReadWriteOncePod) and `resources.requests.storage`.
#   references:
#     - https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#components
#     - https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes
#   related: [kube-score:statefulset-has-servicename, kubesec:VolumeClaimAccessModeReadWriteOnce, kubesec:VolumeClaimRequestsStorage]
#   profiles: []
package palisade.kubernetes.statefulset_hygiene

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes as k8s

applies if {
	k8s.in_scope
	k8s.kind == "StatefulSet"
}

service_name := n if {
	n := k8s.object.spec.serviceName
	is_string(n)
	n != ""
}

deny contains res if {
	applies
	not service_name
	res := result.new(sprintf("%s sets no serviceName (no governing headless Service)", [k8s.resource_label]), k8s.object.spec)
}

deny contains res if {
	applies
	some svc in cluster.objects_in("Service", k8s.namespace)
	svc.metadata.name == service_name
	svc.spec.clusterIP != "None"
	res := result.new(sprintf("%s governing Service \"%s\" is not headless (clusterIP: None)", [k8s.resource_label, service_name]), k8s.object.spec)
}

deny contains res if {
	applies
	some pvc in k8s.object.spec.volumeClaimTemplates
	modes := object.get(pvc, ["spec", "accessModes"], [])
	not "ReadWriteOnce" in modes
	not "ReadWriteOncePod" in modes
	res := result.new(sprintf("%s volumeClaimTemplate \"%s\" has no ReadWriteOnce access mode", [k8s.resource_label, object.get(pvc, ["metadata", "name"], "")]), pvc)
}

deny contains res if {
	applies
	some pvc in k8s.object.spec.volumeClaimTemplates
	not pvc.spec.resources.requests.storage
	res := result.new(sprintf("%s volumeClaimTemplate \"%s\" requests no storage size", [k8s.resource_label, object.get(pvc, ["metadata", "name"], "")]), pvc)
}
