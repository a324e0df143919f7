# METADATA
# title: Privileged container
# description: >-
#   A container sets `securityContext.privileged: true`. A privileged container sees every host
#   device and holds all capabilities, so escaping to the node is trivial.
# custom:
#   id: KW-001
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Remove `privileged: true` (or set it to false) and grant only the capabilities the process needs.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://avd.aquasec.com/misconfig/ksv017
#   related: [KSV-0017, PSS-B:privileged, CKV_K8S_16, CIS-K8s:5.2.2, kubesec:Privileged, kube-score:container-security-context-privileged, polaris:runAsPrivileged]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.privileged

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	k8s.security_context(entry.container).privileged == true
	res := result.new(sprintf("%s runs privileged (securityContext.privileged: true)", [k8s.describe(entry)]), entry.container)
}
