# METADATA
# title: Capability outside the baseline set added
# description: >-
#   A container adds a Linux capability that is not in the Pod Security Standards baseline set
#   (the runtime's default capabilities), widening what its processes may do in the kernel.
# custom:
#   id: KW-010
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Remove the capability from `securityContext.capabilities.add`; only AUDIT_WRITE, CHOWN,
#     DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP,
#     SETUID and SYS_CHROOT are allowed (plus the `allowed_capabilities` configuration list).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://avd.aquasec.com/misconfig/ksv022
#   related: [KSV-0022, PSS-B:capabilities, CKV_K8S_25]
#   profiles: [recommended, pss-baseline]
package palisade.kubernetes.caps_baseline

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# Compared as written, like Pod Security Admission does ("CAP_CHOWN" is not "CHOWN").
baseline := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

# Not in pss-restricted: KW-013 replaces this control there.
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some cap in k8s.added_capabilities(entry.container)
	not baseline[cap]
	not cap in config.get("allowed_capabilities", [])
	res := result.new(sprintf("%s adds capability %s, outside the baseline set", [k8s.describe(entry), cap]), entry.container)
}
