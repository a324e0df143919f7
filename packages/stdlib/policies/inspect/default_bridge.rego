# METADATA
# title: Container on the default bridge network
# description: >-
#   The container is attached to Docker's default bridge network (NetworkSettings.Networks has
#   bridge, or NetworkMode is bridge/default with no network listed). All containers on it can
#   reach each other without restriction and there is no DNS-based isolation; user-defined
#   networks separate applications.
# custom:
#   id: DI-029
#   severity: LOW
#   input: [docker-inspect]
#   remediation: >-
#     Create a user-defined network per application (docker network create, or compose networks,
#     internal where possible) and attach the container to it.
#   references:
#     - https://docs.docker.com/engine/network/drivers/bridge/#differences-between-user-defined-bridges-and-the-default-bridge
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.30, CIS 5.29]
#   profiles: [cis-docker]
package palisade.inspect.default_bridge

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	_ = inspect.networks.bridge
	msg := sprintf("%s is attached to the default bridge network", [inspect.describe])
	res := inspect.result_at(msg, ["NetworkSettings", "Networks", "bridge"])
}

deny contains res if {
	inspect.is_container
	count(inspect.networks) == 0
	inspect.host_config.NetworkMode in {"bridge", "default"}
	msg := sprintf("%s is attached to the default bridge network", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "NetworkMode"])
}
