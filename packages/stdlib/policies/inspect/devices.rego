# METADATA
# title: Host device exposed to the container
# description: >-
#   HostConfig.Devices maps a host device into the container. Direct device access (disks,
#   /dev/mem, GPUs, USB) can bypass container isolation; only devices the application needs,
#   reviewed, should be passed.
# custom:
#   id: DI-022
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Remove --device options the application does not need; pass the narrowest permissions (r
#     instead of rwm).
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#device
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.18, CIS 5.17]
#   profiles: [recommended, cis-docker]
package palisade.inspect.devices

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	some d in inspect.host_config.Devices
	is_object(d)
	msg := sprintf("%s has access to the host device %v (%v)", [inspect.describe, object.get(d, "PathOnHost", ""), object.get(d, "CgroupPermissions", "rwm")])
	res := result.new(msg, d)
}
