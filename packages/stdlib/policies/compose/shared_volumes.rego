# METADATA
# title: Volume shared between services
# description: The same named volume or host path is mounted by several services, so a compromise of one service can tamper with another's data.
# custom:
#   id: DC-027
#   severity: INFO
#   input: [compose]
#   remediation: Give each service its own volume; share data through an API, or mount the shared volume read-only where only reading is needed.
#   references:
#     - https://docs.docker.com/reference/compose-file/volumes/
#     - https://docs.docker.com/engine/storage/volumes/
#   related: [KICS-shared-volumes-between-containers]
#   profiles: [recommended]
package palisade.compose.shared_volumes

import rego.v1

import data.palisade.lib.compose

_mounts := [[name, m] |
	some name, svc in compose.services
	some m in compose.volume_mounts(svc)
	m.type in {"volume", "bind"}
	m.source != ""
]

warn contains res if {
	some x in _mounts
	[name, m] := x
	others := {other | some y in _mounts; y[1].source == m.source; other := y[0]; other != name}
	count(others) > 0
	msg := sprintf("%s shares %s %q with %s", [compose.label(name), m.type, m.source, concat(", ", sort(others))])
	res := compose.finding(msg, name, ["volumes", m.index], m.raw)
}
