# METADATA
# title: Consecutive RUN instructions that could be merged
# description: Two RUN instructions with the same flags follow each other; each adds a layer, and merging them with `&&` keeps the image smaller.
# custom:
#   id: DF-047
#   severity: INFO
#   input: [dockerfile]
#   remediation: Combine consecutive RUN instructions into one (`RUN a && b`) or a heredoc.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3059
#     - https://docs.docker.com/build/building/best-practices/#run
#   related: [DL3059]
#   profiles: [recommended]
package palisade.dockerfile.merge_runs

import rego.v1

import data.palisade.lib.docker

warn contains res if {
	some i, stage in docker.stages
	some k, cmd in stage.Commands
	k > 0
	cmd.Cmd == "run"
	prev := stage.Commands[k - 1]
	prev.Cmd == "run"
	_flags(prev) == _flags(cmd)
	msg := sprintf("%s has consecutive RUN instructions (lines %d and %d) that could be merged", [docker.stage_label(i), prev.StartLine, cmd.StartLine])
	res := result.new(msg, cmd)
}

_flags(cmd) := sort(cmd.Flags) if is_array(cmd.Flags) else := []
