# METADATA
# title: Container runtime socket is mounted
# description: >-
#   A bind mount (Mounts or HostConfig.Binds) exposes the Docker, containerd, CRI-O or Podman
#   socket, or the whole /run or /var/run directory holding it. Whoever controls the container
#   controls the container runtime, and with it the host; a read-only mount does not help, since
#   the API is reached by connecting to the socket.
# custom:
#   id: DI-008
#   severity: CRITICAL
#   input: [docker-inspect]
#   remediation: >-
#     Remove the socket mount; give tools that need the API a restricted proxy or a rootless
#     daemon instead.
#   references:
#     - https://docs.docker.com/engine/security/protect-access/
#     - https://docs.docker.com/engine/security/#docker-daemon-attack-surface
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.32]
#   profiles: [recommended, cis-docker]
package palisade.inspect.runtime_socket

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

socket_pattern := `(^|/)(docker|containerd|crio|podman|cri-dockerd|dockershim)\.sock$`

exposes_socket(source) if regex.match(socket_pattern, source)

exposes_socket(source) if trim_suffix(source, "/") in {"/run", "/var/run"}

deny contains res if {
	inspect.is_container
	some m in inspect.host_mounts
	exposes_socket(m.source)
	msg := sprintf("%s mounts the container runtime socket %s at %s", [inspect.describe, m.source, m.destination])
	res := inspect.result_at(msg, m.path)
}
