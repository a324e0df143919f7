# METADATA
# title: Service restarts without bound
# description: A service restarts without bound (`always`, `unless-stopped`, `on-failure` without a count or above 5, or a deploy restart_policy without max_attempts ≤ 5), so a crashing container loops forever and can starve the host.
# custom:
#   id: DC-023
#   severity: LOW
#   input: [compose]
#   remediation: 'Use `restart: on-failure:5` (or `deploy.restart_policy` with `condition: on-failure` and `max_attempts: 5`).'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#restart
#     - https://docs.docker.com/reference/compose-file/deploy/#restart_policy
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.15]
#   profiles: [recommended, cis-docker]
package palisade.compose.restart_policy

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	is_string(svc.restart)
	not _bounded(svc.restart)
	msg := sprintf("%s uses restart: %s; limit retries with on-failure:5", [compose.label(name), svc.restart])
	res := compose.finding(msg, name, ["restart"], svc.restart)
}

deny contains res if {
	some name, svc in compose.services
	rp := svc.deploy.restart_policy
	is_object(rp)
	object.get(rp, "condition", "any") != "none"
	not _bounded_attempts(rp)
	msg := sprintf("%s has a deploy restart_policy without max_attempts of 5 or fewer", [compose.label(name)])
	res := compose.finding(msg, name, ["deploy", "restart_policy"], rp)
}

_bounded("no") := true

_bounded(r) if {
	m := regex.find_all_string_submatch_n(`^on-failure:([0-9]+)$`, r, 1)[0]
	to_number(m[1]) <= 5
}

_bounded_attempts(rp) if {
	rp.max_attempts > 0
	rp.max_attempts <= 5
}
