# METADATA
# title: Container without memory limit
# description: >-
#   HostConfig.Memory is 0 or missing: the container may use all memory of the host, starving
#   other containers and the daemon.
# custom:
#   id: DI-016
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Run with --memory set to what the application needs.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#memory
#     - https://docs.docker.com/engine/containers/resource_constraints/#memory
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.11, CIS 5.10]
#   profiles: [recommended, cis-docker]
package palisade.inspect.memory_limit

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	not limited
	msg := sprintf("%s has no memory limit", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "Memory"])
}

limited if inspect.host_config.Memory > 0
