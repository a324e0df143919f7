# METADATA
# title: Container shares the host PID namespace
# description: >-
#   HostConfig.PidMode is host: processes in the container see every process of the host and, with
#   enough privileges, can signal or ptrace them and read their environment.
# custom:
#   id: DI-004
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Remove --pid=host.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#pid
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.16]
#   profiles: [recommended, cis-docker]
package palisade.inspect.host_pid

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	inspect.host_config.PidMode == "host"
	msg := sprintf("%s shares the host PID namespace", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "PidMode"])
}
