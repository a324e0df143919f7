# METADATA
# title: HorizontalPodAutoscaler with an unsafe replica range
# description: >-
#   A HorizontalPodAutoscaler whose minReplicas (default 1) is below hpa_min_replicas (default 2),
#   leaving a single pod to serve traffic at low load, or whose maxReplicas is not greater than
#   minReplicas, so it can never scale.
# custom:
#   id: KC-055
#   severity: INFO
#   input: [kubernetes]
#   remediation: >-
#     Set minReplicas to at least 2 for services that must stay available, and maxReplicas above
#     minReplicas.
#   references:
#     - https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
#     - https://polaris.docs.fairwinds.com/checks/reliability/
#   related: [POL hpaMinAvailability, POL hpaMaxAvailability, KSC horizontalpodautoscaler-replicas]
#   profiles: []
package palisade.kubernetes.hpa_sane

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

min_replicas(hpa) := m if {
	m := hpa.spec.minReplicas
	is_number(m)
} else := 1

deny contains res if {
	hpa := kubernetes.object
	hpa.kind == "HorizontalPodAutoscaler"
	lowest := min_replicas(hpa)
	lowest < config.get("hpa_min_replicas", 2)
	msg := sprintf("HorizontalPodAutoscaler \"%s\" may scale down to %d replica(s)", [cluster.name_of(hpa), lowest])
	res := cluster.result_at(msg, ["spec", "minReplicas"])
}

deny contains res if {
	hpa := kubernetes.object
	hpa.kind == "HorizontalPodAutoscaler"
	highest := hpa.spec.maxReplicas
	is_number(highest)
	highest <= min_replicas(hpa)
	msg := sprintf("HorizontalPodAutoscaler \"%s\" has maxReplicas %d, not above minReplicas %d: it cannot scale", [cluster.name_of(hpa), highest, min_replicas(hpa)])
	res := cluster.result_at(msg, ["spec", "maxReplicas"])
}
