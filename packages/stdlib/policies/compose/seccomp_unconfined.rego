# METADATA
# title: Service runs without seccomp
# description: 'A service sets `security_opt: seccomp:unconfined`, removing the syscall filter that blocks dangerous kernel calls.'
# custom:
#   id: DC-012
#   severity: HIGH
#   input: [compose]
#   remediation: Remove `seccomp:unconfined`; if a syscall is missing, use a custom profile based on Docker's default.
#   references:
#     - https://docs.docker.com/engine/security/seccomp/
#     - https://docs.docker.com/reference/compose-file/services/#security_opt
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.22, SG-seccomp-confinement-disabled]
#   profiles: [recommended, cis-docker]
package palisade.compose.seccomp_unconfined

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some o in compose.security_opts(svc)
	o.name == "seccomp"
	_weakens(o.value)
	msg := sprintf("%s sets security_opt %s", [compose.label(name), svc.security_opt[o.index]])
	res := compose.finding(msg, name, ["security_opt", o.index], svc.security_opt[o.index])
}

_weakens(v) if lower(v) == "unconfined"
