# METADATA
# title: Service publishes a privileged host port
# description: A service publishes a host port below 1024; privileged ports are reserved for system services.
# custom:
#   id: DC-021
#   severity: MEDIUM
#   input: [compose]
#   remediation: Publish on a host port of 1024 or above (put a reverse proxy or load balancer in front for 80/443).
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#ports
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.8]
#   profiles: [recommended, cis-docker]
package palisade.compose.privileged_host_port

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some p in compose.ports(svc)
	p.low < 1024
	p.low > 0
	msg := sprintf("%s publishes privileged host port %s", [compose.label(name), p.published])
	res := compose.finding(msg, name, ["ports", p.index], p.raw)
}
