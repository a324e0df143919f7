# METADATA
# title: Container shares the host UTS namespace
# description: >-
#   HostConfig.UTSMode is host: the container can change the hostname and domain name of the host.
# custom:
#   id: DI-006
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Remove --uts=host.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#uts
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.21]
#   profiles: [recommended, cis-docker]
package palisade.inspect.host_uts

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	inspect.host_config.UTSMode == "host"
	msg := sprintf("%s shares the host UTS namespace", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "UTSMode"])
}
