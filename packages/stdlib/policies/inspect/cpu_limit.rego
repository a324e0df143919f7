# METADATA
# title: Container without CPU limit or priority
# description: >-
#   HostConfig sets neither NanoCpus nor CpuQuota, and CpuShares is 0 or 1024 (the default
#   weight): the container competes for CPU on equal terms and may use every core of the host.
# custom:
#   id: DI-017
#   severity: LOW
#   input: [docker-inspect]
#   remediation: >-
#     Run with --cpus (or --cpu-quota), or --cpu-shares to set a relative priority.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#cpus
#     - https://docs.docker.com/engine/containers/resource_constraints/#cpu
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.12, CIS 5.11]
#   profiles: [recommended, cis-docker]
package palisade.inspect.cpu_limit

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	not limited
	msg := sprintf("%s has no CPU limit or CPU shares", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "NanoCpus"])
}

limited if inspect.host_config.NanoCpus > 0

limited if inspect.host_config.CpuQuota > 0

limited if {
	shares := inspect.host_config.CpuShares
	is_number(shares)
	not shares in {0, 1024}
}
