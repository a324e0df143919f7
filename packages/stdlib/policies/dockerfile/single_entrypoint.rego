# METADATA
# title: Several ENTRYPOINT instructions in a stage
# description: A stage has more than one ENTRYPOINT; all but the last are ignored, which usually hides a mistake.
# custom:
#   id: DF-015
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Keep one ENTRYPOINT per stage.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL4004
#     - https://avd.aquasec.com/misconfig/ds007
#     - https://docs.docker.com/reference/dockerfile/#entrypoint
#   related: [DS-0007, DL4004]
#   profiles: [recommended]
package palisade.dockerfile.single_entrypoint

import rego.v1

import data.palisade.lib.docker

# Only the last ENTRYPOINT of a stage takes effect; every earlier one is reported.
deny contains res if {
	some i, stage in docker.stages
	cmds := docker.commands(stage, "entrypoint")
	count(cmds) > 1
	some k, cmd in cmds
	k < count(cmds) - 1
	msg := sprintf("%s has %d ENTRYPOINT instructions; only the last one takes effect", [docker.stage_label(i), count(cmds)])
	res := result.new(msg, cmd)
}
