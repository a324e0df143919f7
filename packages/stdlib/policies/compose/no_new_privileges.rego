# METADATA
# title: Service without no-new-privileges
# description: 'A service does not set `security_opt: [no-new-privileges:true]`, so setuid binaries in the container can still raise privileges.'
# custom:
#   id: DC-011
#   severity: MEDIUM
#   input: [compose]
#   remediation: 'Add `security_opt: ["no-new-privileges:true"]` to the service.'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#security_opt
#     - https://docs.docker.com/reference/cli/docker/container/run/#security-opt
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.26, SG-no-new-privileges]
#   profiles: [recommended, cis-docker]
package palisade.compose.no_new_privileges

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	not compose.has_no_new_privileges(svc)
	res := compose.finding(sprintf("%s does not set no-new-privileges:true in security_opt", [compose.label(name)]), name, [], svc)
}
