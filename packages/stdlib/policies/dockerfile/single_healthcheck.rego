# METADATA
# title: Several HEALTHCHECK instructions in a stage
# description: A stage has more than one HEALTHCHECK; all but the last are ignored, which usually hides a mistake.
# custom:
#   id: DF-016
#   severity: LOW
#   input: [dockerfile]
#   remediation: Keep one HEALTHCHECK per stage.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3012
#     - https://avd.aquasec.com/misconfig/ds023
#     - https://docs.docker.com/reference/dockerfile/#healthcheck
#   related: [DS-0023, DL3012]
#   profiles: [recommended]
package palisade.dockerfile.single_healthcheck

import rego.v1

import data.palisade.lib.docker

# Only the last HEALTHCHECK of a stage takes effect; every earlier one is reported.
deny contains res if {
	some i, stage in docker.stages
	cmds := docker.commands(stage, "healthcheck")
	count(cmds) > 1
	some k, cmd in cmds
	k < count(cmds) - 1
	msg := sprintf("%s has %d HEALTHCHECK instructions; only the last one takes effect", [docker.stage_label(i), count(cmds)])
	res := result.new(msg, cmd)
}
