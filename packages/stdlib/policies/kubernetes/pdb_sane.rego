# METADATA
# title: PodDisruptionBudget blocks all evictions or has an empty budget
# description: >-
#   A PodDisruptionBudget with maxUnavailable 0 (or 0%), minAvailable 100%, minAvailable at least
#   the replica count of a workload of the scan it selects, or neither minAvailable nor
#   maxUnavailable. The first three block every voluntary eviction, so node drains and upgrades
#   hang; the last has no effect.
# custom:
#   id: KC-054
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Set maxUnavailable to at least 1 (or minAvailable below the replica count).
#   references:
#     - https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions
#     - https://kubernetes.io/docs/concepts/workloads/pods/disruptions/
#   related: [POL pdbDisruptionsIsZero, KSC poddisruptionbudget-has-policy, KYV require-reasonable-pdbs]
#   profiles: [recommended]
package palisade.kubernetes.pdb_sane

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	pdb := kubernetes.object
	pdb.kind == "PodDisruptionBudget"
	not has_field(pdb, "minAvailable")
	not has_field(pdb, "maxUnavailable")
	msg := sprintf("PodDisruptionBudget \"%s\" sets neither minAvailable nor maxUnavailable", [cluster.name_of(pdb)])
	res := result.new(msg, pdb)
}

deny contains res if {
	pdb := kubernetes.object
	pdb.kind == "PodDisruptionBudget"
	pdb.spec.maxUnavailable in {0, "0%", "0"}
	msg := sprintf("PodDisruptionBudget \"%s\" sets maxUnavailable to %v, blocking all evictions", [cluster.name_of(pdb), pdb.spec.maxUnavailable])
	res := cluster.result_at(msg, ["spec", "maxUnavailable"])
}

deny contains res if {
	pdb := kubernetes.object
	pdb.kind == "PodDisruptionBudget"
	pdb.spec.minAvailable == "100%"
	msg := sprintf("PodDisruptionBudget \"%s\" sets minAvailable to 100%%, blocking all evictions", [cluster.name_of(pdb)])
	res := cluster.result_at(msg, ["spec", "minAvailable"])
}

deny contains res if {
	pdb := kubernetes.object
	pdb.kind == "PodDisruptionBudget"
	min_available := pdb.spec.minAvailable
	is_number(min_available)
	sel := cluster.get_object(pdb, ["spec", "selector"])
	some w in cluster.workloads_in(cluster.namespace_of(pdb))
	w.kind in {"Deployment", "StatefulSet", "ReplicaSet"}
	is_number(w.spec.replicas)
	min_available >= w.spec.replicas
	cluster.selector_matches(sel, cluster.pod_labels_of(w))
	msg := sprintf("PodDisruptionBudget \"%s\" requires %d available pods but %s runs only %d, blocking all evictions", [cluster.name_of(pdb), min_available, cluster.describe(w), w.spec.replicas])
	res := cluster.result_at(msg, ["spec", "minAvailable"])
}

has_field(pdb, field) if {
	v := pdb.spec[field]
	v != null
}
