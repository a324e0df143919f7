# METADATA
# title: Sensitive host directory mounted writable
# description: >-
#   A writable bind mount (Mounts or HostConfig.Binds) of a sensitive host directory or something
#   below it: by default /, /boot, /dev, /etc, /lib, /proc, /sys and /usr
#   (inspect_sensitive_host_paths). The container can change host configuration, binaries or
#   kernel settings. Runtime sockets are reported by DI-008.
# custom:
#   id: DI-009
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Do not mount system directories; if a file is needed, mount only that file, read-only.
#   references:
#     - https://docs.docker.com/engine/storage/bind-mounts/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.6]
#   profiles: [recommended, cis-docker]
package palisade.inspect.sensitive_host_mounts

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

sensitive := config.get("inspect_sensitive_host_paths", ["/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr"])

socket_pattern := `\.sock$`

deny contains res if {
	inspect.is_container
	some m in inspect.host_mounts
	m.rw
	not regex.match(socket_pattern, m.source)
	some dir in sensitive
	inspect.under(m.source, dir)
	msg := sprintf("%s mounts the host path %s writable at %s", [inspect.describe, m.source, m.destination])
	res := inspect.result_at(msg, m.path)
}
