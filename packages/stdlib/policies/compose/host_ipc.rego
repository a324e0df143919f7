# METADATA
# title: Service shares the host IPC namespace
# description: 'A service sets `ipc: host`, giving it access to the host''s shared memory and semaphores.'
# custom:
#   id: DC-005
#   severity: HIGH
#   input: [compose]
#   remediation: 'Remove `ipc: host` (use `shareable`/`service:<name>` to share IPC between services).'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#ipc
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.17]
#   profiles: [recommended, cis-docker]
package palisade.compose.host_ipc

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	lower(svc.ipc) == "host"
	res := compose.finding(sprintf("%s sets ipc: host", [compose.label(name)]), name, ["ipc"], svc.ipc)
}
