# METADATA
# title: Capability other than NET_BIND_SERVICE added
# description: >-
#   A container adds a capability other than NET_BIND_SERVICE, which the Pod Security Standards
#   restricted profile forbids.
# custom:
#   id: KW-013
#   severity: LOW
#   input: [kubernetes]
#   remediation: Remove the capability from `securityContext.capabilities.add`; only NET_BIND_SERVICE may be added back.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://avd.aquasec.com/misconfig/ksv106
#   related: [KSV-0106, PSS-R:capabilities]
#   profiles: [pss-restricted]
package palisade.kubernetes.caps_restricted_add

import rego.v1

import data.palisade.lib.kubernetes as k8s

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
	some cap in k8s.added_capabilities(entry.container)
	cap != "NET_BIND_SERVICE"
	res := result.new(sprintf("%s adds capability %s; only NET_BIND_SERVICE may be added", [k8s.describe(entry), cap]), entry.container)
}
