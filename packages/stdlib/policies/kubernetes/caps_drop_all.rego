# METADATA
# title: Default capabilities kept
# description: >-
#   A container does not drop ALL capabilities, so it keeps the runtime's default set (CHOWN,
#   DAC_OVERRIDE, SETUID, NET_RAW on some runtimes…), which most applications never need.
# custom:
#   id: KW-012
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Set `securityContext.capabilities.drop: ["ALL"]` and add back only NET_BIND_SERVICE if needed.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
#     - https://avd.aquasec.com/misconfig/ksv003
#   related: [KSV-0003, KSV-0004, PSS-R:capabilities, kubesec:CapDropAll, kubesec:CapDropAny, polaris:insecureCapabilities, CKV_K8S_37, kyverno:require-drop-all]
#   profiles: [recommended, pss-restricted]
package palisade.kubernetes.caps_drop_all

import rego.v1

import data.palisade.lib.kubernetes as k8s

# PSS v1.22+; Windows pods exempt from v1.25. "ALL" is compared as written, like PSA.
applies if {
	k8s.in_scope
	k8s.pss_at_least(22)
	not windows_exempt
}

windows_exempt if {
	k8s.windows_pod
	k8s.pss_at_least(25)
}

deny contains res if {
	applies
	some entry in k8s.containers
	not "ALL" in k8s.dropped_capabilities(entry.container)
	res := result.new(sprintf("%s does not drop ALL capabilities", [k8s.describe(entry)]), entry.container)
}
