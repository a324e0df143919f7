# METADATA
# title: Relative WORKDIR
# description: WORKDIR uses a relative path, which resolves against whatever the previous WORKDIR was and is easy to break.
# custom:
#   id: DF-018
#   severity: LOW
#   input: [dockerfile]
#   remediation: Use absolute paths in WORKDIR (e.g. `WORKDIR /app`).
#   references:
#     - https://docs.docker.com/build/building/best-practices/#workdir
#     - https://github.com/hadolint/hadolint/wiki/DL3000
#     - https://avd.aquasec.com/misconfig/ds009
#   related: [DS-0009, DL3000, CKV_DOCKER_10]
#   profiles: [recommended]
package palisade.dockerfile.workdir_absolute

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "workdir")
	path := docker.unquote(cmd.Value[0])
	not regex.match(`^(/|\$|[A-Za-z]:[\\/])`, path)
	msg := sprintf("%s uses relative WORKDIR %q", [docker.stage_label(i), path])
	res := result.new(msg, cmd)
}
