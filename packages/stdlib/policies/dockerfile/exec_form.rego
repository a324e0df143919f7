# METADATA
# title: CMD or ENTRYPOINT in shell form
# description: CMD or ENTRYPOINT of the final image uses shell form, so the process runs under `/bin/sh -c` and does not receive stop signals (slow, unclean shutdowns).
# custom:
#   id: DF-038
#   severity: LOW
#   input: [dockerfile]
#   remediation: Use the JSON (exec) form, e.g. `CMD ["python", "-m", "app"]`.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
#     - https://github.com/hadolint/hadolint/wiki/DL3025
#   related: [DL3025]
#   profiles: [recommended]
package palisade.dockerfile.exec_form

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some cmd in docker.final_commands
	cmd.Cmd in {"cmd", "entrypoint"}
	not cmd.JSON
	msg := sprintf("final %s uses shell form for %s: %s", [docker.stage_label(docker.final_index), upper(cmd.Cmd), concat(" ", cmd.Value)])
	res := result.new(msg, cmd)
}
