# METADATA
# title: Root group used
# description: >-
#   The pod or a container runs with GID 0 (`runAsGroup`, `fsGroup` or `supplementalGroups`), so
#   its processes can read and write files owned by the root group.
# custom:
#   id: KW-017
#   severity: LOW
#   input: [kubernetes]
#   remediation: Use non-zero IDs for `runAsGroup`, `fsGroup` and `supplementalGroups`.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://avd.aquasec.com/misconfig/ksv116
#     - https://kyverno.io/policies/pod-security/restricted/require-non-root-groups/require-non-root-groups/
#   related: [KSV-0116, PSS-R:nonRootGroups, kyverno:require-non-root-groups]
#   profiles: []
package palisade.kubernetes.gid_not_zero

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some field in ["runAsGroup", "fsGroup"]
	k8s.pod_security_context[field] == 0
	res := result.new(sprintf("%s sets %s: 0 for the pod", [k8s.resource_label, field]), k8s.pod_security_context)
}

deny contains res if {
	k8s.in_scope
	0 in k8s.pod_security_context.supplementalGroups
	res := result.new(sprintf("%s adds supplemental group 0 to the pod", [k8s.resource_label]), k8s.pod_security_context)
}

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	k8s.security_context(entry.container).runAsGroup == 0
	res := result.new(sprintf("%s sets runAsGroup: 0", [k8s.describe(entry)]), entry.container)
}
