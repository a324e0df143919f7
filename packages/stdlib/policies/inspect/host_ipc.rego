# METADATA
# title: Container shares the host IPC namespace
# description: >-
#   HostConfig.IpcMode is host: the container can read and write the shared memory segments,
#   semaphores and message queues of host processes.
# custom:
#   id: DI-005
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Remove --ipc=host; use private or shareable IPC between containers that need it.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#ipc
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.17]
#   profiles: [recommended, cis-docker]
package palisade.inspect.host_ipc

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	inspect.host_config.IpcMode == "host"
	msg := sprintf("%s shares the host IPC namespace", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "IpcMode"])
}
