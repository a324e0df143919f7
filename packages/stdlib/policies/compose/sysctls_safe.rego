# METADATA
# title: Unsafe sysctl set on a service
# description: A service sets a kernel parameter outside the safe, namespaced set that Kubernetes allows by default (extend it with `compose_allowed_sysctls`); unsafe sysctls can affect other containers or the host.
# custom:
#   id: DC-030
#   severity: MEDIUM
#   input: [compose]
#   remediation: Remove the sysctl, or add it to `compose_allowed_sysctls` after review.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#sysctls
#     - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#   related: [PSS-B-sysctls]
#   profiles: [recommended]
package palisade.compose.sysctls_safe

import rego.v1

import data.palisade.lib.compose
import data.palisade.lib.config

_safe := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

deny contains res if {
	some name, svc in compose.services
	allowed := _safe | {s | some s in config.get("compose_allowed_sysctls", [])}
	some s in compose.sysctls(svc)
	not s.name in allowed
	msg := sprintf("%s sets unsafe sysctl %s", [compose.label(name), s.name])
	res := compose.finding(msg, name, ["sysctls", s.key], s.value)
}
