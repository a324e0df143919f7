# METADATA
# title: Selector that misses the pod template
# description: >-
#   The controller's selector does not select the labels of its own pod template, so the API
#   server rejects it, or (for a plain-map selector) the controller fights over other pods.
# custom:
#   id: KW-061
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Make every `spec.selector` term match a label set in `spec.template.metadata.labels`.
#   references:
#     - https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
#   related: [kube-score:deployment-selector-labels]
#   profiles: []
package palisade.kubernetes.selector_matches_template

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes as k8s

label_selector_kinds contains k if some k in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"}

# Jobs generate their selector unless spec.manualSelector is true.
label_selector_kinds contains "Job" if k8s.object.spec.manualSelector == true

deny contains res if {
	k8s.in_scope
	label_selector_kinds[k8s.kind]
	selector := k8s.object.spec.selector
	is_object(selector)
	not cluster.selector_is_empty(selector)
	not cluster.selector_matches(selector, k8s.pod_labels)
	res := result.new(sprintf("%s selector does not match its pod template labels", [k8s.resource_label]), selector)
}

# ReplicationController: a plain map; when empty it defaults to the template labels.
deny contains res if {
	k8s.in_scope
	k8s.kind == "ReplicationController"
	selector := k8s.object.spec.selector
	is_object(selector)
	count(selector) > 0
	not cluster.map_selector_matches(selector, k8s.pod_labels)
	res := result.new(sprintf("%s selector does not match its pod template labels", [k8s.resource_label]), selector)
}
