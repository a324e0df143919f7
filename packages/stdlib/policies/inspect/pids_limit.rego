# METADATA
# title: Container without PIDs limit
# description: >-
#   HostConfig.PidsLimit is null, 0 or negative: a fork bomb in the container can exhaust the
#   process table of the host.
# custom:
#   id: DI-018
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Run with --pids-limit (for example 100, or what the application needs).
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#pids-limit
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.29, CIS 5.28]
#   profiles: [recommended, cis-docker]
package palisade.inspect.pids_limit

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	not object.get(inspect.host_config, "PidsLimit", null) > 0
	msg := sprintf("%s has no PIDs limit", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "PidsLimit"])
}
