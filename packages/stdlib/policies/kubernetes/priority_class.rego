# METADATA
# title: Pod without priority class
# description: >-
#   The pods have no `priorityClassName`, so under resource pressure the scheduler may preempt
#   or evict them in favour of less important workloads.
# custom:
#   id: KW-056
#   severity: INFO
#   input: [kubernetes]
#   remediation: Set `priorityClassName` to a PriorityClass that reflects the workload's importance.
#   references:
#     - https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
#   related: [polaris:priorityClassNotSet]
#   profiles: []
package palisade.kubernetes.priority_class

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	not has_priority_class
	res := result.new(sprintf("%s sets no priorityClassName", [k8s.resource_label]), k8s.pod_spec)
}

has_priority_class if {
	p := k8s.pod_spec.priorityClassName
	is_string(p)
	p != ""
}
