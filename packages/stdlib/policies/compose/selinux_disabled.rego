# METADATA
# title: Service disables SELinux separation
# description: 'A service sets `security_opt: label:disable` (or the unconfined `spc_t` type), turning off SELinux separation between the container and the host.'
# custom:
#   id: DC-014
#   severity: MEDIUM
#   input: [compose]
#   remediation: Remove `label:disable`; relabel volumes with `:z`/`:Z` instead.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#security_opt
#     - https://docs.docker.com/engine/security/#other-kernel-security-features
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.3, SG-selinux-separation-disabled]
#   profiles: [recommended, cis-docker]
package palisade.compose.selinux_disabled

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some o in compose.security_opts(svc)
	o.name == "label"
	_weakens(o.value)
	msg := sprintf("%s sets security_opt %s", [compose.label(name), svc.security_opt[o.index]])
	res := compose.finding(msg, name, ["security_opt", o.index], svc.security_opt[o.index])
}

_weakens(v) if lower(v) == "disable"

_weakens(v) if regex.match(`(?i)^type[:=]spc_t$`, v)
