# METADATA
# title: Service runs privileged
# description: 'A service sets `privileged: true`, which gives the container every capability and access to all host devices.'
# custom:
#   id: DC-001
#   severity: HIGH
#   input: [compose]
#   remediation: 'Remove `privileged: true`; add only the specific capabilities or devices the service needs.'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#privileged
#     - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.5, SG-privileged-service]
#   profiles: [recommended, cis-docker]
package palisade.compose.privileged

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	compose.is_true(svc.privileged)
	res := compose.finding(sprintf("%s runs privileged", [compose.label(name)]), name, ["privileged"], svc.privileged)
}
