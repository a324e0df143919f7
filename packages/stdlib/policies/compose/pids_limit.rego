# METADATA
# title: Service without process count limit
# description: A service sets no `pids_limit` (or sets it to 0 or -1, meaning unlimited), so a fork bomb in the container can exhaust the host's process table.
# custom:
#   id: DC-019
#   severity: MEDIUM
#   input: [compose]
#   remediation: Set `pids_limit` (e.g. 200) or `deploy.resources.limits.pids`.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#pids_limit
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.29]
#   profiles: [recommended, cis-docker]
package palisade.compose.pids_limit

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	not _limit(svc)
	res := compose.finding(sprintf("%s has no pids_limit", [compose.label(name)]), name, [], svc)
}

deny contains res if {
	some name, svc in compose.services
	limit := _limit(svc)
	not _positive(limit)
	res := compose.finding(sprintf("%s sets pids_limit %v, which is unlimited", [compose.label(name), limit]), name, ["pids_limit"], svc.pids_limit)
}

_limit(svc) := svc.pids_limit if svc.pids_limit != null

_limit(svc) := svc.deploy.resources.limits.pids if {
	not svc.pids_limit
	svc.deploy.resources.limits.pids != null
}

_positive(v) if to_number(v) > 0
