# METADATA
# title: apt used instead of apt-get
# description: RUN uses `apt`, whose command-line interface is meant for people and is not stable for scripts.
# custom:
#   id: DF-029
#   severity: LOW
#   input: [dockerfile]
#   remediation: Use `apt-get` (or `apt-cache`) in Dockerfiles.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3027
#     - https://docs.docker.com/build/building/best-practices/#apt-get
#   related: [DL3027, CKV_DOCKER_9]
#   profiles: [recommended]
package palisade.dockerfile.apt_get_not_apt

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some run in docker.runs
	some c in run.commands
	c.program == "apt"
	msg := sprintf("%s uses `apt %s`; use apt-get in scripts", [docker.stage_label(run.index), concat(" ", c.args)])
	res := result.new(msg, run.cmd)
}
