# METADATA
# title: Container root filesystem is writable
# description: >-
#   HostConfig.ReadonlyRootfs is false or missing: an attacker can modify binaries and
#   configuration inside the container and persist tools.
# custom:
#   id: DI-015
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Run with --read-only and mount tmpfs or volumes only where the application writes.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#read-only
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.13, CIS 5.12]
#   profiles: [recommended, cis-docker]
package palisade.inspect.readonly_rootfs

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	not inspect.host_config.ReadonlyRootfs == true
	msg := sprintf("%s has a writable root filesystem", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "ReadonlyRootfs"])
}
