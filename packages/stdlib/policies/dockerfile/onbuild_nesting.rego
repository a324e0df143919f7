# METADATA
# title: Invalid ONBUILD trigger
# description: ONBUILD wraps ONBUILD, FROM or MAINTAINER, which Docker rejects as triggers. Palisade's Dockerfile loader already refuses such files (as BuildKit does), so this fires on documents produced by other tools.
# custom:
#   id: DF-041
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Remove the ONBUILD prefix from ONBUILD, FROM and MAINTAINER instructions.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#onbuild
#     - https://github.com/hadolint/hadolint/wiki/DL3043
#   related: [DL3043]
#   profiles: [recommended]
package palisade.dockerfile.onbuild_nesting

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some cmd in docker.commands_named("onbuild")
	lower(cmd.SubCmd) in {"onbuild", "from", "maintainer"}
	msg := sprintf("ONBUILD %s is not a valid trigger", [upper(cmd.SubCmd)])
	res := result.new(msg, cmd)
}
