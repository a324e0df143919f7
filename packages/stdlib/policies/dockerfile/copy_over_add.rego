# METADATA
# title: ADD used for local files
# description: ADD copies local files; ADD also fetches URLs and unpacks archives, so its effect is harder to predict than COPY.
# custom:
#   id: DF-008
#   severity: LOW
#   input: [dockerfile]
#   remediation: Use COPY for local files and directories; keep ADD for local tar archives that must be extracted.
#   references:
#     - https://docs.docker.com/build/building/best-practices/#add-or-copy
#     - https://github.com/hadolint/hadolint/wiki/DL3020
#     - https://avd.aquasec.com/misconfig/ds005
#   related: [DS-0005, DL3020, CKV_DOCKER_4, CIS-4.9, CIS-DI-0009]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.copy_over_add

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, stage in docker.stages
	some cmd in docker.commands(stage, "add")
	count(cmd.Value) >= 2
	some src in array.slice(cmd.Value, 0, count(cmd.Value) - 1)
	_local(src)
	not _archive(src)
	msg := sprintf("%s uses ADD for local source %q; use COPY", [docker.stage_label(i), src])
	res := result.new(msg, cmd)
}

_local(src) if not regex.match(`^([a-zA-Z][a-zA-Z0-9+.-]*://|git@)`, src)

_archive(src) if regex.match(`(?i)\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$`, src)
