# METADATA
# title: Service without healthcheck
# description: 'A service has no `healthcheck` (or disables it with `disable: true` / `test: ["NONE"]`), so Docker cannot detect a hung container. An image HEALTHCHECK is not visible here.'
# custom:
#   id: DC-022
#   severity: LOW
#   input: [compose]
#   remediation: Add a `healthcheck` with a `test` command to the service (or rely on one in the image and waive this finding).
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#healthcheck
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.27]
#   profiles: [recommended, cis-docker]
package palisade.compose.healthcheck

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	not is_object(object.get(svc, "healthcheck", null))
	res := compose.finding(sprintf("%s has no healthcheck", [compose.label(name)]), name, [], svc)
}

deny contains res if {
	some name, svc in compose.services
	_disabled(svc.healthcheck)
	res := compose.finding(sprintf("%s disables its healthcheck", [compose.label(name)]), name, ["healthcheck"], svc.healthcheck)
}

_disabled(hc) if compose.is_true(hc.disable)

_disabled(hc) if upper(hc.test[0]) == "NONE"

_disabled(hc) if upper(hc.test) == "NONE"
