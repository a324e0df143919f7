# METADATA
# title: Service runs without AppArmor
# description: 'A service sets `security_opt: apparmor:unconfined`, running without the AppArmor profile Docker applies by default.'
# custom:
#   id: DC-013
#   severity: MEDIUM
#   input: [compose]
#   remediation: Remove `apparmor:unconfined`, or point to a custom AppArmor profile.
#   references:
#     - https://docs.docker.com/engine/security/apparmor/
#     - https://docs.docker.com/reference/compose-file/services/#security_opt
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.2]
#   profiles: [recommended, cis-docker]
package palisade.compose.apparmor_unconfined

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some o in compose.security_opts(svc)
	o.name == "apparmor"
	_weakens(o.value)
	msg := sprintf("%s sets security_opt %s", [compose.label(name), svc.security_opt[o.index]])
	res := compose.finding(msg, name, ["security_opt", o.index], svc.security_opt[o.index])
}

_weakens(v) if lower(v) == "unconfined"
