# METADATA
# title: Service capabilities added or not dropped
# description: 'A service adds Linux capabilities beyond the allowed ones (`compose_allowed_cap_add`, by default only NET_BIND_SERVICE), or does not drop all capabilities with `cap_drop: [ALL]`.'
# custom:
#   id: DC-002
#   severity: MEDIUM
#   input: [compose]
#   remediation: 'Set `cap_drop: [ALL]` and add back only what the service needs (usually nothing, or NET_BIND_SERVICE).'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#cap_add
#     - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.4, KICS-container-capabilities-unrestricted]
#   profiles: [recommended, cis-docker]
package palisade.compose.caps

import rego.v1

import data.palisade.lib.compose
import data.palisade.lib.config

_normalize(cap) := trim_prefix(upper(cap), "CAP_")

deny contains res if {
	some name, svc in compose.services
	allowed := {_normalize(c) | some c in config.get("compose_allowed_cap_add", ["NET_BIND_SERVICE"])}
	some i, cap in svc.cap_add
	not _normalize(cap) in allowed
	res := compose.finding(sprintf("%s adds capability %s", [compose.label(name), cap]), name, ["cap_add", i], cap)
}

deny contains res if {
	some name, svc in compose.services
	not _drops_all(svc)
	res := compose.finding(sprintf("%s does not drop all capabilities (cap_drop: [ALL])", [compose.label(name)]), name, [], svc)
}

_drops_all(svc) if {
	some c in svc.cap_drop
	_normalize(c) == "ALL"
}
