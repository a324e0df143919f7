# METADATA
# title: Service uses the host network
# description: 'A service sets `network_mode: host`, sharing the host''s network stack: it can bind any host port and reach services listening on localhost.'
# custom:
#   id: DC-003
#   severity: HIGH
#   input: [compose]
#   remediation: Use a user-defined network and publish only the ports that are needed.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#network_mode
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.10]
#   profiles: [recommended, cis-docker]
package palisade.compose.host_network

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	lower(svc.network_mode) == "host"
	res := compose.finding(sprintf("%s sets network_mode: host", [compose.label(name)]), name, ["network_mode"], svc.network_mode)
}
