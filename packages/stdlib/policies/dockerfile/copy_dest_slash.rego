# METADATA
# title: COPY with several sources to a destination without trailing /
# description: COPY (or ADD) with more than one source needs a destination directory ending in `/`; otherwise the build fails.
# custom:
#   id: DF-013
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: End the destination with a slash, e.g. `COPY a.txt b.txt /app/`.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3021
#     - https://avd.aquasec.com/misconfig/ds011
#     - https://docs.docker.com/reference/dockerfile/#copy
#   related: [DS-0011, DL3021]
#   profiles: [recommended]
package palisade.dockerfile.copy_dest_slash

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in stage.Commands
	cmd.Cmd in {"copy", "add"}
	not contains(cmd.Original, "<<")
	count(cmd.Value) >= 3
	dest := cmd.Value[count(cmd.Value) - 1]
	not endswith(dest, "/")
	not contains(dest, "$")
	msg := sprintf("%s %s has %d sources but destination %q does not end with /", [docker.stage_label(i), upper(cmd.Cmd), count(cmd.Value) - 1, dest])
	res := result.new(msg, cmd)
}
