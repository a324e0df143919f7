# METADATA
# title: FROM hard-codes --platform
# description: FROM sets `--platform` to a literal value, which breaks multi-platform builds and forces emulation on other hosts.
# custom:
#   id: DF-043
#   severity: LOW
#   input: [dockerfile]
#   remediation: Drop the flag, or use the automatic build arguments (`--platform=$BUILDPLATFORM` / `$TARGETPLATFORM`).
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3029
#     - https://docs.docker.com/build/building/multi-platform/
#   related: [DL3029, DL3065]
#   profiles: [recommended]
package palisade.dockerfile.platform_flag

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, info in docker.stage_infos
	info.platform != null
	not contains(info.platform, "$")
	msg := sprintf("%s hard-codes FROM --platform=%s", [docker.stage_label(i), info.platform])
	res := result.new(msg, info.from)
}
