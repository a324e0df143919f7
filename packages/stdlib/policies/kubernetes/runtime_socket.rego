# METADATA
# title: Container runtime socket mounted
# description: >-
#   A hostPath volume exposes the socket of the container runtime (Docker, containerd, CRI-O) or
#   a directory holding it. Whoever talks to that socket can start privileged containers on the
#   node: it is root on the node.
# custom:
#   id: KW-009
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: Do not mount the runtime socket; build images with a daemonless builder (BuildKit rootless, kaniko) and query the API server instead of the runtime.
#   references:
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#     - https://avd.aquasec.com/misconfig/ksv006
#     - https://kyverno.io/policies/best-practices/disallow-cri-sock-mount/disallow-cri-sock-mount/
#   related: [KSV-0006, kubesec:DockerSock, CKV_K8S_27, kyverno:disallow-cri-sock-mount]
#   profiles: [recommended]
package palisade.kubernetes.runtime_socket

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# runtime_sockets: socket paths whose mount (or the mount of a directory above them) is reported.
default_sockets := [
	"/var/run/docker.sock", "/run/docker.sock",
	"/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock", "/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock", "/run/cri-dockerd.sock",
	"/run/k3s/containerd/containerd.sock", "/var/run/podman/podman.sock", "/run/podman/podman.sock",
]

# One finding per volume, naming every socket it exposes.
deny contains res if {
	k8s.in_scope
	some v in k8s.volumes
	raw := v.hostPath.path
	is_string(raw)
	path := k8s.clean_path(raw)
	exposed := [sock | some sock in config.get("runtime_sockets", default_sockets); k8s.path_within(sock, path)]
	count(exposed) > 0
	res := result.new(sprintf("%s exposes the container runtime socket %s through hostPath %s (volume \"%s\")", [k8s.resource_label, concat(", ", exposed), raw, object.get(v, "name", "")]), v)
}
