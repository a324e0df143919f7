# METADATA
# title: Container overrides ulimits
# description: >-
#   HostConfig.Ulimits overrides the daemon's default ulimits for the container. Raised limits
#   (open files, processes, locked memory) weaken the host's protection against resource
#   exhaustion; review each override.
# custom:
#   id: DI-030
#   severity: INFO
#   input: [docker-inspect]
#   remediation: >-
#     Rely on the daemon default ulimits (--default-ulimit) and override them per container only
#     when reviewed.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#ulimit
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.19, CIS 5.18]
#   profiles: [cis-docker]
package palisade.inspect.ulimits

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	some u in inspect.host_config.Ulimits
	is_object(u)
	msg := sprintf("%s overrides the ulimit %v (soft %v, hard %v)", [inspect.describe, object.get(u, "Name", ""), object.get(u, "Soft", ""), object.get(u, "Hard", "")])
	res := result.new(msg, u)
}
