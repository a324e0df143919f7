# METADATA
# title: Required or valid labels missing
# description: >-
#   The workload lacks a label from the configured `required_labels` list (default
#   `app.kubernetes.io/name`), or a label on it or its pod template has a value Kubernetes would
#   reject, or the `app.kubernetes.io/name`/`instance` labels of the pod template disagree with
#   the workload's.
# custom:
#   id: KW-065
#   severity: INFO
#   input: [kubernetes]
#   remediation: Add the recommended `app.kubernetes.io/*` labels to the workload and its pod template, with identical values.
#   references:
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
#   related: [polaris:missingLabels, kube-score:label-values, gatekeeper:requiredlabels, kyverno:require-labels]
#   profiles: []
package palisade.kubernetes.labels

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# A label value: empty, or up to 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.
valid_value(v) if v == ""

valid_value(v) if {
	is_string(v)
	count(v) <= 63
	regex.match(`^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$`, v)
}

# A Pod's template is the Pod itself: its labels are checked once.
label_sets := [["", k8s.labels]] if {
	k8s.kind == "Pod"
} else := [["", k8s.labels], [" pod template", k8s.pod_labels]]

# required_labels: labels every workload must carry on its metadata.
deny contains res if {
	k8s.in_scope
	some label in config.get("required_labels", ["app.kubernetes.io/name"])
	not k8s.labels[label]
	res := result.new(sprintf("%s has no label %s", [k8s.resource_label, label]), k8s.metadata)
}

deny contains res if {
	k8s.in_scope
	some [where, labels] in label_sets
	some key, value in labels
	not valid_value(value)
	res := result.new(sprintf("%s%s label %s has an invalid value %v", [k8s.resource_label, where, key, value]), labels)
}

deny contains res if {
	k8s.in_scope
	k8s.kind != "Pod"
	some key in ["app.kubernetes.io/name", "app.kubernetes.io/instance"]
	own := k8s.labels[key]
	pod := k8s.pod_labels[key]
	own != pod
	res := result.new(sprintf("%s label %s is %v but its pod template says %v", [k8s.resource_label, key, own, pod]), k8s.pod_labels)
}
