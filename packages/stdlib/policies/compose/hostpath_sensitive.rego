# METADATA
# title: Sensitive host directory mounted into a service
# description: A service bind-mounts a sensitive host directory (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr), or a path below one of them read-write, exposing host files to the container.
# custom:
#   id: DC-009
#   severity: HIGH
#   input: [compose]
#   remediation: Mount only the specific files the service needs, read-only (`:ro`), or use named volumes.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#volumes
#     - https://docs.docker.com/engine/storage/bind-mounts/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.6]
#   profiles: [recommended, cis-docker]
package palisade.compose.hostpath_sensitive

import rego.v1

import data.palisade.lib.compose

_sensitive := {"/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr"}

deny contains res if {
	some name, svc in compose.services
	some m in compose.volume_mounts(svc)
	m.type == "bind"
	how := _exposes(_clean(m.source), m.read_only)
	res := compose.finding(sprintf("%s mounts host path %s%s", [compose.label(name), m.source, how]), name, ["volumes", m.index], m.raw)
}

_clean("/") := "/"

_clean(p) := trim_right(p, "/") if p != "/"

_exposes("/", ro) := _mode(ro)

_exposes(p, ro) := _mode(ro) if p in _sensitive

_exposes(p, false) := " read-write" if {
	some dir in _sensitive
	startswith(p, concat("", [dir, "/"]))
}

_mode(true) := " (read-only)"

_mode(false) := " read-write"
