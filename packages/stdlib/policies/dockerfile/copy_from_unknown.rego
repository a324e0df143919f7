# METADATA
# title: COPY --from references an undefined or later stage
# description: COPY --from names a stage that is not defined before it (a later stage, or a typo); the build either fails or pulls an image of that name.
# custom:
#   id: DF-011
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Reference a stage alias (or index) defined earlier in the Dockerfile, or a full image reference with a tag.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3022
#     - https://docs.docker.com/build/building/multi-stage/
#   related: [DL3022]
#   profiles: [recommended]
package palisade.dockerfile.copy_from_unknown

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "copy")
	ref := docker.flag_value(cmd, "from")
	not _known(i, lower(ref))
	not _self(i, lower(ref))
	msg := sprintf("%s copies --from=%s, which is not a stage defined before it", [docker.stage_label(i), ref])
	res := result.new(msg, cmd)
}

# Image references (registry, tag or digest) and variables are not stage names.
_known(_, ref) if regex.match(`[:/@$]`, ref)

_known(i, ref) if {
	some j, info in docker.stage_infos
	j < i
	info.alias == ref
}

_known(i, ref) if {
	regex.match(`^[0-9]+$`, ref)
	to_number(ref) < i
}

# Copying from the stage itself is DF-010.
_self(i, ref) if ref == docker.stage_infos[i].alias

_self(i, ref) if ref == format_int(i, 10)
