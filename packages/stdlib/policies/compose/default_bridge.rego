# METADATA
# title: Service on the default network
# description: 'A service declares no `networks` (or uses `network_mode: bridge`), so it joins the default network with every other such service instead of an explicit, purpose-built one.'
# custom:
#   id: DC-026
#   severity: LOW
#   input: [compose]
#   remediation: 'Define networks under top-level `networks` (mark back ends `internal: true`) and attach each service only to those it needs.'
#   references:
#     - https://docs.docker.com/compose/how-tos/networking/
#     - https://docs.docker.com/reference/compose-file/services/#networks
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.30, KICS-networks-not-set]
#   profiles: [recommended, cis-docker]
package palisade.compose.default_bridge

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	not _has_networks(svc)
	not svc.network_mode
	res := compose.finding(sprintf("%s declares no networks and joins the default network", [compose.label(name)]), name, [], svc)
}

deny contains res if {
	some name, svc in compose.services
	svc.network_mode == "bridge"
	res := compose.finding(sprintf("%s uses network_mode: bridge (the default bridge)", [compose.label(name)]), name, ["network_mode"], svc.network_mode)
}

_has_networks(svc) if count(svc.networks) > 0
