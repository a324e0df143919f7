# METADATA
# title: Service shares the host UTS namespace
# description: 'A service sets `uts: host`, so it can change the host''s hostname and domain name.'
# custom:
#   id: DC-007
#   severity: MEDIUM
#   input: [compose]
#   remediation: 'Remove `uts: host`.'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#uts
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.21]
#   profiles: [recommended, cis-docker]
package palisade.compose.host_uts

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	lower(svc.uts) == "host"
	res := compose.finding(sprintf("%s sets uts: host", [compose.label(name)]), name, ["uts"], svc.uts)
}
