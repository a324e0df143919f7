# METADATA
# title: Unmasked /proc mount
# description: >-
#   A container sets `procMount` to something other than Default (Unmasked), which removes the
#   masks and read-only paths that hide sensitive kernel interfaces under /proc.
# custom:
#   id: KW-024
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Remove `securityContext.procMount` or set it to Default.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/
#     - https://avd.aquasec.com/misconfig/ksv027
#   related: [KSV-0027, PSS-B:procMount, PSS-R:procMount, polaris:procMount]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.proc_mount

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Since PSS v1.35 the baseline profile accepts any procMount in a pod with its own user namespace
# (hostUsers: false) while restricted still requires Default: such containers get a warning
# (a restricted-only violation) instead of a failure.
relaxed if {
	k8s.user_namespace
	k8s.pss_at_least(35)
}

unmasked contains entry if {
	k8s.in_scope
	some entry in k8s.containers
	pm := k8s.security_context(entry.container).procMount
	pm != null
	pm != "Default"
}

deny contains res if {
	not relaxed
	some entry in unmasked
	res := result.new(sprintf("%s sets procMount: %v", [k8s.describe(entry), entry.container.securityContext.procMount]), entry.container)
}

warn contains res if {
	relaxed
	some entry in unmasked
	res := result.new(sprintf("%s sets procMount: %v (allowed by baseline for a user-namespaced pod, not by restricted)", [k8s.describe(entry), entry.container.securityContext.procMount]), entry.container)
}
