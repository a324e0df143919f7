# METADATA
# title: Container allows gaining new privileges
# description: >-
#   HostConfig.SecurityOpt lacks no-new-privileges (or sets it to false): setuid and setgid
#   binaries and file capabilities inside the container can still raise the privileges of a
#   process.
# custom:
#   id: DI-011
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Run with --security-opt no-new-privileges (or set "no-new-privileges": true in daemon.json).
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#security-opt
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.26]
#   profiles: [recommended, cis-docker]
package palisade.inspect.no_new_privileges

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	not enabled
	msg := sprintf("%s does not set no-new-privileges", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "SecurityOpt"])
}

enabled if {
	some o in inspect.security_opt("no-new-privileges")
	lower(o.value) in {"", "true"}
}
