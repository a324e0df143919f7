# METADATA
# title: VOLUME over a kernel filesystem
# description: VOLUME declares /dev, /proc or /sys (or a path below them) as a volume, which invites mounting host kernel interfaces into the container.
# custom:
#   id: DF-020
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Declare volumes only for application data directories.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#volume
#     - https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md
#   related: [DKL-DI-0002]
#   profiles: [recommended]
package palisade.dockerfile.volume_sensitive

import rego.v1

import data.palisade.lib.docker

_sensitive := {"/dev", "/proc", "/sys"}

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "volume")
	some v in cmd.Value
	path := trim_right(docker.unquote(v), "/")
	some dir in _sensitive
	_under(path, dir)
	msg := sprintf("%s declares VOLUME %q on sensitive path %s", [docker.stage_label(i), v, dir])
	res := result.new(msg, cmd)
}

_under(path, dir) if path == dir

_under(path, dir) if startswith(path, concat("", [dir, "/"]))
