# METADATA
# title: cd in RUN instead of WORKDIR
# description: RUN changes directory with `cd`; the change only lasts for that RUN, which makes later instructions easy to get wrong.
# custom:
#   id: DF-021
#   severity: LOW
#   input: [dockerfile]
#   remediation: Use `WORKDIR /path` to change directory for the following instructions.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#workdir
#     - https://github.com/hadolint/hadolint/wiki/DL3003
#     - https://avd.aquasec.com/misconfig/ds013
#   related: [DS-0013, DL3003]
#   profiles: [recommended]
package palisade.dockerfile.workdir_not_cd

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some run in docker.runs
	some c in run.commands
	c.program == "cd"
	msg := sprintf("%s uses `cd` in RUN; use WORKDIR instead", [docker.stage_label(run.index)])
	res := result.new(msg, run.cmd)
}
