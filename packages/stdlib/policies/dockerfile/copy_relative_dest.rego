# METADATA
# title: COPY to a relative path before WORKDIR
# description: COPY or ADD uses a relative destination before any WORKDIR is set, so the files land relative to whatever working directory the base image has.
# custom:
#   id: DF-039
#   severity: LOW
#   input: [dockerfile]
#   remediation: Set `WORKDIR /app` first, or use an absolute destination.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3045
#     - https://docs.docker.com/reference/dockerfile/#workdir
#   related: [DL3045]
#   profiles: [recommended]
package palisade.dockerfile.copy_relative_dest

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in stage.Commands
	cmd.Cmd in {"copy", "add"}
	count(cmd.Value) >= 2
	dest := docker.unquote(cmd.Value[count(cmd.Value) - 1])
	not regex.match(`^(/|\$|[A-Za-z]:[\\/])`, dest)
	not _workdir_before(i, cmd)
	msg := sprintf("%s %s to relative path %q before any WORKDIR", [docker.stage_label(i), upper(cmd.Cmd), dest])
	res := result.new(msg, cmd)
}

_workdir_before(i, cmd) if {
	some j in docker.chain(i)
	some c in docker.stages[j].Commands
	c.Cmd == "workdir"
	c.StartLine < cmd.StartLine
}
