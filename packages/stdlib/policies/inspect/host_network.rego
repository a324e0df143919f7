# METADATA
# title: Container shares the host network namespace
# description: >-
#   HostConfig.NetworkMode is host: the container sees and can bind every host interface, reach
#   services listening on localhost of the host, and bypasses Docker network isolation.
# custom:
#   id: DI-003
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Attach the container to a user-defined network and publish only the ports it serves.
#   references:
#     - https://docs.docker.com/engine/network/drivers/host/
#     - https://docs.docker.com/reference/cli/docker/container/run/#network
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.10]
#   profiles: [recommended, cis-docker]
package palisade.inspect.host_network

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	inspect.host_config.NetworkMode == "host"
	msg := sprintf("%s shares the host network namespace", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "NetworkMode"])
}
