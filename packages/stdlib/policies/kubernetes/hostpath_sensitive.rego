# METADATA
# title: Sensitive host path mounted
# description: >-
#   A hostPath volume exposes a sensitive part of the node's filesystem (the root, /etc, /proc,
#   /sys, /dev, /boot, system libraries, or the container runtime's and kubelet's state), which
#   gives the container node credentials, kernel interfaces or other pods' data.
# custom:
#   id: KW-008
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Do not mount system directories of the node; use a dedicated, narrow directory or a non-hostPath volume.
#   references:
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#     - https://avd.aquasec.com/misconfig/ksv121
#   related: [KSV-0121, kubesec:ProcMount]
#   profiles: [recommended]
package palisade.kubernetes.hostpath_sensitive

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# sensitive_host_paths: a mount of one of these directories or anything below it is reported.
default_paths := ["/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr", "/var/lib/docker", "/var/lib/kubelet"]

deny contains res if {
	k8s.in_scope
	some v in k8s.volumes
	raw := v.hostPath.path
	is_string(raw)
	path := k8s.clean_path(raw)
	some dir in config.get("sensitive_host_paths", default_paths)
	sensitive(path, k8s.clean_path(dir))
	res := result.new(sprintf("%s mounts sensitive host path %s (volume \"%s\")", [k8s.resource_label, raw, object.get(v, "name", "")]), v)
}

# "/" is sensitive only as itself; other directories also below them.
sensitive(path, "/") if path == "/"

sensitive(path, dir) if {
	dir != "/"
	k8s.path_within(path, dir)
}
