# METADATA
# title: Privilege escalation allowed
# description: >-
#   A container does not set `allowPrivilegeEscalation: false`, so setuid binaries and file
#   capabilities can give its processes more privileges than their parent (no_new_privs is off).
# custom:
#   id: KW-002
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Set `securityContext.allowPrivilegeEscalation: false` on every container.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://avd.aquasec.com/misconfig/ksv001
#   related: [KSV-0001, PSS-R:allowPrivilegeEscalation, CKV_K8S_20, kubesec:AllowPrivilegeEscalation, polaris:privilegeEscalationAllowed]
#   profiles: [recommended, pss-restricted]
package palisade.kubernetes.no_privilege_escalation

import rego.v1

import data.palisade.lib.kubernetes as k8s

# PSS v1.8+; Windows pods are exempt from v1.25 (the field has no meaning there).
applies if {
	k8s.in_scope
	k8s.pss_at_least(8)
	not windows_exempt
}

windows_exempt if {
	k8s.windows_pod
	k8s.pss_at_least(25)
}

deny contains res if {
	applies
	some entry in k8s.containers
	not escalation_disabled(entry.container)
	res := result.new(sprintf("%s %s", [k8s.describe(entry), problem(entry.container)]), entry.container)
}

problem(c) := "sets allowPrivilegeEscalation: true" if {
	k8s.security_context(c).allowPrivilegeEscalation == true
} else := "does not set allowPrivilegeEscalation: false"

# Inside a rule, so that an unset field makes this false rather than the negation undefined.
escalation_disabled(c) if k8s.effective(c, "allowPrivilegeEscalation") == false
