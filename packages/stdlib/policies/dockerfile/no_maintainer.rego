# METADATA
# title: Deprecated MAINTAINER instruction
# description: MAINTAINER is deprecated.
# custom:
#   id: DF-031
#   severity: LOW
#   input: [dockerfile]
#   remediation: Replace it with `LABEL org.opencontainers.image.authors="…"`.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#maintainer-deprecated
#     - https://github.com/hadolint/hadolint/wiki/DL4000
#     - https://avd.aquasec.com/misconfig/ds022
#   related: [DS-0022, DL4000, CKV_DOCKER_6]
#   profiles: [recommended]
package palisade.dockerfile.no_maintainer

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some cmd in docker.commands_named("maintainer")
	msg := sprintf("MAINTAINER %q is deprecated; use LABEL org.opencontainers.image.authors", [concat(" ", cmd.Value)])
	res := result.new(msg, cmd)
}
