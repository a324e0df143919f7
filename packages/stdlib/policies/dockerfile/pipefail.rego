# METADATA
# title: Pipe in RUN without pipefail
# description: A shell-form RUN uses a pipe without `pipefail`, so a failing command before the last `|` does not fail the build.
# custom:
#   id: DF-037
#   severity: LOW
#   input: [dockerfile]
#   remediation: Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, or start the RUN with `set -o pipefail &&`.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#using-pipes
#     - https://github.com/hadolint/hadolint/wiki/DL4006
#   related: [DL4006]
#   profiles: [recommended]
package palisade.dockerfile.pipefail

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some run in docker.runs
	not run.cmd.JSON
	some c in run.commands
	c.op_before == "|"
	not _pipefail_shell(run)
	not _set_pipefail(run)
	msg := sprintf("%s uses a pipe in RUN without pipefail", [docker.stage_label(run.index)])
	res := result.new(msg, run.cmd)
}

# The SHELL in effect for the RUN (the last one before it in its stage or the stages it builds on).
_pipefail_shell(run) if {
	shells := [c |
		some i in docker.chain(run.index)
		some c in docker.stages[i].Commands
		c.Cmd == "shell"
		c.StartLine < run.cmd.StartLine
	]
	count(shells) > 0
	last := shells[count(shells) - 1]
	"pipefail" in last.Value
}

# Shells without pipefail support are not POSIX sh/bash (e.g. PowerShell): nothing to fix there.
_pipefail_shell(run) if {
	some i in docker.chain(run.index)
	some c in docker.stages[i].Commands
	c.Cmd == "shell"
	c.StartLine < run.cmd.StartLine
	regex.match(`(?i)(pwsh|powershell|cmd(\.exe)?)$`, c.Value[0])
}

_set_pipefail(run) if {
	some c in run.commands
	c.program == "set"
	some k, a in c.args
	regex.match(`^[-+][a-zA-Z]*o$`, a)
	c.args[k + 1] == "pipefail"
}
