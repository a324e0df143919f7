# METADATA
# title: Service without memory limit
# description: A service sets no memory limit (`mem_limit` or `deploy.resources.limits.memory`), so one container can exhaust the host's memory.
# custom:
#   id: DC-017
#   severity: MEDIUM
#   input: [compose]
#   remediation: Set `deploy.resources.limits.memory` (or `mem_limit`).
#   references:
#     - https://docs.docker.com/reference/compose-file/deploy/#resources
#     - https://docs.docker.com/engine/containers/resource_constraints/#memory
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.11]
#   profiles: [recommended, cis-docker]
package palisade.compose.memory_limit

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	not _limited(svc)
	res := compose.finding(sprintf("%s has no memory limit", [compose.label(name)]), name, [], svc)
}

_limited(svc) if _set(svc.mem_limit)

_limited(svc) if _set(svc.deploy.resources.limits.memory)

_set(v) if {
	v != null
	v != ""
	v != 0
	v != "0"
}
