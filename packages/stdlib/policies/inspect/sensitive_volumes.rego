# METADATA
# title: Image declares a volume on a system path
# description: >-
#   Config.Volumes declares /dev, /proc or /sys (or a path below them) as a volume. Such volumes
#   shadow kernel interfaces in the container and are typically a sign the image expects host
#   system directories to be mounted there.
# custom:
#   id: DI-028
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Remove the VOLUME instruction for system paths; mount host paths explicitly, read-only, only
#     where needed.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#volume
#     - https://github.com/goodwithtech/dockle
#   related: [DKL-DI-0002]
#   profiles: [recommended]
package palisade.inspect.sensitive_volumes

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

system_paths := ["/dev", "/proc", "/sys"]

deny contains res if {
	some path, _ in inspect.config.Volumes
	some dir in system_paths
	inspect.under(path, dir)
	msg := sprintf("%s declares a volume on the system path %s", [inspect.describe, path])
	res := inspect.result_at(msg, ["Config", "Volumes", path])
}
