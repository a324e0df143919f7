# METADATA
# title: Service overrides default ulimits
# description: A service overrides the daemon's default ulimits; raised limits (open files, processes, locked memory) weaken the protection they give the host.
# custom:
#   id: DC-031
#   severity: INFO
#   input: [compose]
#   remediation: Keep the daemon defaults unless the service needs a specific limit, and document why.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#ulimits
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.19]
#   profiles: [cis-docker]
package palisade.compose.ulimits

import rego.v1

import data.palisade.lib.compose

warn contains res if {
	some name, svc in compose.services
	is_object(svc.ulimits)
	some limit, value in svc.ulimits
	msg := sprintf("%s overrides the %s ulimit", [compose.label(name), limit])
	res := compose.finding(msg, name, ["ulimits", limit], value)
}
