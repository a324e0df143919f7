# METADATA
# title: Replicas without spread constraints
# description: >-
#   A replicated workload sets neither pod anti-affinity nor topologySpreadConstraints, so the
#   scheduler may put every replica on the same node or zone.
# custom:
#   id: KW-055
#   severity: INFO
#   input: [kubernetes]
#   remediation: Add `topologySpreadConstraints` over `kubernetes.io/hostname` and/or `topology.kubernetes.io/zone` (or a podAntiAffinity rule).
#   references:
#     - https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
#     - https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
#   related: [kube-score:deployment-has-host-podantiaffinity, polaris:topologySpreadConstraint]
#   profiles: []
package palisade.kubernetes.spread

import rego.v1

import data.palisade.lib.kubernetes as k8s

replicated_kinds := {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}

spread if count(k8s.pod_spec.topologySpreadConstraints) > 0

spread if is_object(k8s.pod_spec.affinity.podAntiAffinity)

deny contains res if {
	k8s.in_scope
	replicated_kinds[k8s.kind]
	replicas := k8s.object.spec.replicas
	is_number(replicas)
	replicas > 1
	not spread
	res := result.new(sprintf("%s runs %d replicas without anti-affinity or topology spread constraints", [k8s.resource_label, replicas]), k8s.pod_spec)
}
