# METADATA
# title: Container without security context
# description: >-
#   Neither the pod nor a container sets a securityContext, so every setting is left to the
#   runtime's defaults and nothing documents the intended privileges.
# custom:
#   id: KW-029
#   severity: LOW
#   input: [kubernetes]
#   remediation: Add a securityContext (runAsNonRoot, seccompProfile, allowPrivilegeEscalation false, capabilities drop ALL, readOnlyRootFilesystem).
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://avd.aquasec.com/misconfig/ksv118
#   related: [KSV-0118, CKV_K8S_29, CKV_K8S_30, kube-score:container-security-context-user-group-id]
#   profiles: []
package palisade.kubernetes.security_context_present

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Container-level fields are what matter most, but a pod-level context covers the user and
# seccomp settings, so a container is only reported when both are empty.
deny contains res if {
	k8s.in_scope
	count(k8s.pod_security_context) == 0
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	count(k8s.security_context(entry.container)) == 0
	res := result.new(sprintf("%s has no securityContext (neither has the pod)", [k8s.describe(entry)]), entry.container)
}
