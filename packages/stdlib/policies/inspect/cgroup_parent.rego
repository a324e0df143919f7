# METADATA
# title: Container uses a custom cgroup parent
# description: >-
#   HostConfig.CgroupParent is set: the container runs under a cgroup of the operator's choice
#   instead of Docker's, which can lift the resource limits and accounting meant for it.
# custom:
#   id: DI-024
#   severity: LOW
#   input: [docker-inspect]
#   remediation: >-
#     Leave --cgroup-parent unset unless the cgroup has been reviewed and limits the container as
#     intended.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#cgroup-parent
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.25]
#   profiles: [cis-docker]
package palisade.inspect.cgroup_parent

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	parent := inspect.host_config.CgroupParent
	is_string(parent)
	parent != ""
	msg := sprintf("%s runs under the custom cgroup parent %s", [inspect.describe, parent])
	res := inspect.result_at(msg, ["HostConfig", "CgroupParent"])
}
