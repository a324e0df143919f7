# METADATA
# title: Container runtime socket mounted into a service
# description: A service mounts the Docker (or containerd, CRI-O, Podman) socket, or the /run directory holding it; whoever controls the container controls the host.
# custom:
#   id: DC-008
#   severity: CRITICAL
#   input: [compose]
#   remediation: Do not mount the runtime socket; if a tool truly needs the Docker API, put a filtering socket proxy in front of it.
#   references:
#     - https://docs.docker.com/engine/security/protect-access/
#     - https://docs.docker.com/reference/compose-file/services/#volumes
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.32, SG-exposing-docker-socket-volume]
#   profiles: [recommended, cis-docker]
package palisade.compose.runtime_socket

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some m in compose.volume_mounts(svc)
	m.type == "bind"
	_runtime_path(trim_right(m.source, "/"))
	res := compose.finding(sprintf("%s mounts the container runtime socket %s", [compose.label(name), m.source]), name, ["volumes", m.index], m.raw)
}

_runtime_path(p) if regex.match(`(^|/)(docker|containerd|crio|cri-dockerd|podman|dockershim)\.sock$`, p)

_runtime_path(p) if p in {"/var/run", "/run", "/var/run/docker", "/run/containerd", "/var/run/containerd", "/run/podman"}
