# METADATA
# title: Disruptive rollout settings
# description: >-
#   A Deployment uses the Recreate strategy (every pod is stopped before new ones start), or sets
#   `replicas` although a HorizontalPodAutoscaler in the scan manages it (each apply resets the
#   autoscaler's decision).
# custom:
#   id: KW-063
#   severity: INFO
#   input: [kubernetes]
#   remediation: Use the RollingUpdate strategy; remove `spec.replicas` from Deployments scaled by an HPA.
#   references:
#     - https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy
#     - https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling
#   related: [kube-score:deployment-strategy, kube-score:horizontalpodautoscaler-replicas]
#   profiles: []
package palisade.kubernetes.rollout_strategy

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.kind == "Deployment"
	k8s.object.spec.strategy.type == "Recreate"
	res := result.new(sprintf("%s uses the Recreate strategy (downtime on every rollout)", [k8s.resource_label]), k8s.object.spec.strategy)
}

deny contains res if {
	k8s.in_scope
	k8s.kind in {"Deployment", "StatefulSet"}
	is_number(k8s.object.spec.replicas)
	some hpa in cluster.objects_in("HorizontalPodAutoscaler", k8s.namespace)
	hpa.spec.scaleTargetRef.kind == k8s.kind
	hpa.spec.scaleTargetRef.name == k8s.name
	res := result.new(sprintf("%s sets replicas although HorizontalPodAutoscaler \"%s\" scales it", [k8s.resource_label, hpa.metadata.name]), k8s.object.spec)
}
