# METADATA
# title: Service opts out of user namespace remapping
# description: 'A service sets `userns_mode: host`, turning off the daemon''s user-namespace remapping for it, so root in the container is root on the host.'
# custom:
#   id: DC-006
#   severity: MEDIUM
#   input: [compose]
#   remediation: 'Remove `userns_mode: host`.'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#userns_mode
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.31]
#   profiles: [recommended, cis-docker]
package palisade.compose.host_userns

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	lower(svc.userns_mode) == "host"
	res := compose.finding(sprintf("%s sets userns_mode: host", [compose.label(name)]), name, ["userns_mode"], svc.userns_mode)
}
