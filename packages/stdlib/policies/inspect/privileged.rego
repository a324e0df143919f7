# METADATA
# title: Container runs privileged
# description: >-
#   HostConfig.Privileged is true: the container gets every capability, all host devices and no
#   seccomp, AppArmor or SELinux confinement, so a compromise of the container is a compromise of
#   the host.
# custom:
#   id: DI-001
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Run the container without --privileged; add only the capabilities and devices it needs.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#privileged
#     - https://docs.docker.com/engine/security/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.5, CIS-DI 5.5]
#   profiles: [recommended, cis-docker]
package palisade.inspect.privileged

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	inspect.host_config.Privileged == true
	msg := sprintf("%s runs privileged", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "Privileged"])
}
