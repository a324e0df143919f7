# METADATA
# title: Instruction other than ARG before the first FROM
# description: An instruction other than ARG comes before the first FROM; Docker rejects it or it silently belongs to no stage.
# custom:
#   id: DF-042
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Start the Dockerfile with FROM (optionally preceded by ARG instructions used in FROM).
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3061
#     - https://docs.docker.com/reference/dockerfile/#format
#   related: [DL3061]
#   profiles: [recommended]
package palisade.dockerfile.instruction_order

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some cmd in docker.global_commands
	cmd.Cmd != "arg"
	msg := sprintf("%s comes before the first FROM; only ARG may precede FROM", [upper(cmd.Cmd)])
	res := result.new(msg, cmd)
}
