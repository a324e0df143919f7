# METADATA
# title: Dangerous capability added
# description: >-
#   A container adds a capability that amounts to root on the node or on its network
#   (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_MODULE, SYS_PTRACE, BPF, ALL…).
# custom:
#   id: KW-011
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Remove the capability; if the workload really needs it, isolate it on dedicated nodes and document why.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
#     - https://man7.org/linux/man-pages/man7/capabilities.7.html
#     - https://avd.aquasec.com/misconfig/ksv005
#   related: [KSV-0005, KSV-0119, KSV-0120, kubesec:CapSysAdmin, polaris:dangerousCapabilities, CKV_K8S_39, CKV_K8S_28]
#   profiles: [recommended]
package palisade.kubernetes.caps_dangerous

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# dangerous_capabilities: compared case-insensitively and without a CAP_ prefix, since runtimes
# accept both spellings.
default_dangerous := [
	"ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT",
	"SYS_TIME", "BPF", "PERFMON", "DAC_READ_SEARCH", "MAC_ADMIN", "MAC_OVERRIDE", "SYSLOG", "SYS_RESOURCE",
]

normalize(cap) := trim_prefix(upper(cap), "CAP_")

deny contains res if {
	k8s.in_scope
	dangerous := {normalize(c) | some c in config.get("dangerous_capabilities", default_dangerous); is_string(c)}
	some entry in k8s.containers
	some cap in k8s.added_capabilities(entry.container)
	dangerous[normalize(cap)]
	res := result.new(sprintf("%s adds dangerous capability %s", [k8s.describe(entry), cap]), entry.container)
}
