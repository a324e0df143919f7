# METADATA
# title: Several CMD instructions in a stage
# description: A stage has more than one CMD; all but the last are ignored, which usually hides a mistake.
# custom:
#   id: DF-014
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Keep one CMD per stage.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL4003
#     - https://avd.aquasec.com/misconfig/ds016
#     - https://docs.docker.com/reference/dockerfile/#cmd
#   related: [DS-0016, DL4003]
#   profiles: [recommended]
package palisade.dockerfile.single_cmd

import rego.v1

import data.palisade.lib.docker

# Only the last CMD of a stage takes effect; every earlier one is reported.
deny contains res if {
	some i, stage in docker.stages
	cmds := docker.commands(stage, "cmd")
	count(cmds) > 1
	some k, cmd in cmds
	k < count(cmds) - 1
	msg := sprintf("%s has %d CMD instructions; only the last one takes effect", [docker.stage_label(i), count(cmds)])
	res := result.new(msg, cmd)
}
