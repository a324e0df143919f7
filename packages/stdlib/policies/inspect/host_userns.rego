# METADATA
# title: Container opts out of user namespace remapping
# description: >-
#   HostConfig.UsernsMode is host: on a daemon with user namespace remapping enabled, the
#   container runs with the real host user IDs, so root in the container is root on the host.
# custom:
#   id: DI-007
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Remove --userns=host.
#   references:
#     - https://docs.docker.com/engine/security/userns-remap/
#     - https://docs.docker.com/reference/cli/docker/container/run/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.31]
#   profiles: [recommended, cis-docker]
package palisade.inspect.host_userns

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	inspect.host_config.UsernsMode == "host"
	msg := sprintf("%s opts out of user namespace remapping (UsernsMode host)", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "UsernsMode"])
}
