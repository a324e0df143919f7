# METADATA
# title: Container runs as UID 0
# description: >-
#   The pod or a container sets `runAsUser: 0`, so the process runs as root, whatever user the
#   image declares.
# custom:
#   id: KW-015
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Set `runAsUser` to a non-zero UID (or remove it and set a non-root USER in the image).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://avd.aquasec.com/misconfig/ksv105
#   related: [KSV-0105, PSS-R:runAsUser, CKV_K8S_23]
#   profiles: [recommended, pss-restricted]
package palisade.kubernetes.uid_not_zero

import rego.v1

import data.palisade.lib.kubernetes as k8s

# PSS v1.23+; since v1.35 pods with hostUsers: false are exempt.
applies if {
	k8s.in_scope
	k8s.pss_at_least(23)
	not relaxed
}

relaxed if {
	k8s.user_namespace
	k8s.pss_at_least(35)
}

deny contains res if {
	applies
	k8s.pod_security_context.runAsUser == 0
	res := result.new(sprintf("%s sets runAsUser: 0 for the pod", [k8s.resource_label]), k8s.pod_security_context)
}

deny contains res if {
	applies
	some entry in k8s.containers
	k8s.security_context(entry.container).runAsUser == 0
	res := result.new(sprintf("%s sets runAsUser: 0", [k8s.describe(entry)]), entry.container)
}
