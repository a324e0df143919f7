# METADATA
# title: Service shares the host PID namespace
# description: 'A service sets `pid: host`, so it sees and can signal every process on the host.'
# custom:
#   id: DC-004
#   severity: HIGH
#   input: [compose]
#   remediation: 'Remove `pid: host`.'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#pid
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.16]
#   profiles: [recommended, cis-docker]
package palisade.compose.host_pid

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	lower(svc.pid) == "host"
	res := compose.finding(sprintf("%s sets pid: host", [compose.label(name)]), name, ["pid"], svc.pid)
}
