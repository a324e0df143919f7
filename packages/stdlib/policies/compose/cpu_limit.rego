# METADATA
# title: Service without CPU limit
# description: A service sets no CPU limit or weight (`cpus`, `cpu_quota`, `cpu_shares` or `deploy.resources.limits.cpus`), so it can starve other containers.
# custom:
#   id: DC-018
#   severity: LOW
#   input: [compose]
#   remediation: Set `deploy.resources.limits.cpus` (or `cpus`).
#   references:
#     - https://docs.docker.com/reference/compose-file/deploy/#resources
#     - https://docs.docker.com/engine/containers/resource_constraints/#cpu
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.12]
#   profiles: [recommended, cis-docker]
package palisade.compose.cpu_limit

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	not _limited(svc)
	res := compose.finding(sprintf("%s has no CPU limit", [compose.label(name)]), name, [], svc)
}

_limited(svc) if {
	some key in ["cpus", "cpu_quota", "cpu_shares", "cpu_count", "cpu_percent"]
	_set(svc[key])
}

_limited(svc) if _set(svc.deploy.resources.limits.cpus)

_set(v) if {
	v != null
	v != ""
	v != 0
	v != "0"
}
