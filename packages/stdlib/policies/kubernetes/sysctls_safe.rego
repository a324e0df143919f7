# METADATA
# title: Unsafe sysctl
# description: >-
#   The pod sets a sysctl outside the Pod Security Standards safe set for the configured policy
#   version; unsafe sysctls can affect other pods or the whole node.
# custom:
#   id: KW-025
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Remove the sysctl, or tune it on the node; add deliberate exceptions to the `allowed_sysctls` configuration list.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
#     - https://avd.aquasec.com/misconfig/ksv026
#   related: [KSV-0026, PSS-B:sysctls]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.sysctls_safe

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# The safe set grows with the policy version (pss_version).
safe contains s if some s in {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
}

safe contains "net.ipv4.ip_local_reserved_ports" if k8s.pss_at_least(27)

safe contains s if {
	k8s.pss_at_least(29)
	some s in {"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"}
}

safe contains s if {
	k8s.pss_at_least(32)
	some s in {"net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"}
}

deny contains res if {
	k8s.in_scope
	some sysctl in k8s.pod_security_context.sysctls
	not safe[sysctl.name]
	not sysctl.name in config.get("allowed_sysctls", [])
	res := result.new(sprintf("%s sets unsafe sysctl %v", [k8s.resource_label, sysctl.name]), sysctl)
}
