# METADATA
# title: COPY --from references its own stage
# description: COPY --from names the stage it is part of; a stage cannot copy from itself and the build fails.
# custom:
#   id: DF-010
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Point `--from` at an earlier stage or an image.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3023
#     - https://avd.aquasec.com/misconfig/ds006
#   related: [DS-0006, DL3023]
#   profiles: [recommended]
package palisade.dockerfile.copy_from_self

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "copy")
	ref := docker.flag_value(cmd, "from")
	_is_self(i, lower(ref))
	msg := sprintf("%s copies --from=%s, which is the stage itself", [docker.stage_label(i), ref])
	res := result.new(msg, cmd)
}

_is_self(i, ref) if ref == docker.stage_infos[i].alias

_is_self(i, ref) if ref == format_int(i, 10)
