# METADATA
# title: Single replica
# description: >-
#   The controller runs fewer than two replicas (one when `replicas` is unset), so a node drain,
#   an eviction or a crash takes the service down.
# custom:
#   id: KW-054
#   severity: LOW
#   input: [kubernetes]
#   remediation: Run at least two replicas (with a PodDisruptionBudget), or scale the workload with a HorizontalPodAutoscaler.
#   references:
#     - https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas
#     - https://kubernetes.io/docs/tasks/run-application/configure-pdb/
#   related: [kube-score:deployment-replicas, polaris:deploymentMissingReplicas]
#   profiles: []
package palisade.kubernetes.replicas

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

scaled_kinds := {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}

replicas := n if {
	n := k8s.object.spec.replicas
	is_number(n)
} else := 1

# An autoscaler in the scan manages the replica count.
autoscaled if {
	some hpa in cluster.objects_in("HorizontalPodAutoscaler", k8s.namespace)
	hpa.spec.scaleTargetRef.kind == k8s.kind
	hpa.spec.scaleTargetRef.name == k8s.name
}

# min_replicas: the smallest acceptable replica count (default 2).
deny contains res if {
	k8s.in_scope
	scaled_kinds[k8s.kind]
	minimum := config.get("min_replicas", 2)
	replicas < minimum
	not autoscaled
	res := result.new(sprintf("%s runs %d replica(s), fewer than %d", [k8s.resource_label, replicas, minimum]), k8s.object.spec)
}
