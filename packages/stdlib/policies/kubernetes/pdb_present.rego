# METADATA
# title: Replicated workload without PodDisruptionBudget
# description: >-
#   A Deployment or StatefulSet with at least pdb_min_replicas replicas (default 2) that no
#   PodDisruptionBudget of its namespace in the scan selects. Node drains and cluster upgrades may
#   then evict all its pods at once.
# custom:
#   id: KC-053
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Add a PodDisruptionBudget selecting the pods, with minAvailable or maxUnavailable leaving
#     room for one eviction at a time.
#   references:
#     - https://kubernetes.io/docs/tasks/run-application/configure-pdb/
#     - https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
#   related: [KSC deployment-has-poddisruptionbudget, POL missingPodDisruptionBudget, GK poddisruptionbudget, KYV require-pdb]
#   profiles: [recommended]
package palisade.kubernetes.pdb_present

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	obj := kubernetes.object
	obj.kind in {"Deployment", "StatefulSet"}
	replicas := obj.spec.replicas
	is_number(replicas)
	replicas >= config.get("pdb_min_replicas", 2)
	ns := cluster.namespace_of(obj)
	labels := cluster.pod_labels_of(obj)
	every pdb in cluster.objects_in("PodDisruptionBudget", ns) {
		not cluster.selector_matches(cluster.get_object(pdb, ["spec", "selector"]), labels)
	}
	msg := sprintf("%s runs %d replicas and no PodDisruptionBudget selects its pods", [cluster.describe(obj), replicas])
	res := cluster.result_at(msg, ["spec", "replicas"])
}
