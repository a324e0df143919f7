# METADATA
# title: Bare pod
# description: >-
#   A Pod is created directly, without a controller (no ownerReferences), so nothing recreates
#   it when its node fails, and rollouts and scaling are manual.
# custom:
#   id: KW-066
#   severity: INFO
#   input: [kubernetes]
#   remediation: Run the pod through a Deployment, StatefulSet, DaemonSet or Job.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs
#     - https://kyverno.io/policies/other/prevent-bare-pods/prevent-bare-pods/
#   related: [kyverno:prevent-bare-pods]
#   profiles: []
package palisade.kubernetes.bare_pod

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.kind == "Pod"
	not has_owner
	res := result.new(sprintf("%s is not managed by a controller", [k8s.resource_label]), k8s.metadata)
}

# ownerReferences may be absent, null or empty: all mean "no controller".
has_owner if {
	refs := k8s.metadata.ownerReferences
	is_array(refs)
	count(refs) > 0
}
