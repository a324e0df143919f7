# METADATA
# title: COPY --from copies a whole filesystem
# description: COPY --from=<stage or image> copies `/`, the entire root filesystem of the source, defeating the point of a slim final stage.
# custom:
#   id: DF-040
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Copy only the artifacts the final image needs (binaries, config, assets).
#   references:
#     - https://docs.docker.com/build/building/multi-stage/
#   related: [DL3067]
#   profiles: [recommended]
package palisade.dockerfile.copy_whole_fs

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "copy")
	from := docker.flag_value(cmd, "from")
	count(cmd.Value) >= 2
	some src in array.slice(cmd.Value, 0, count(cmd.Value) - 1)
	docker.unquote(src) in {"/", "/.", "/*"}
	msg := sprintf("%s copies the whole filesystem of %q", [docker.stage_label(i), from])
	res := result.new(msg, cmd)
}
