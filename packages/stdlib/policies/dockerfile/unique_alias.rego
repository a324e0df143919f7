# METADATA
# title: Duplicate stage alias
# description: Two FROM instructions use the same `AS` alias (aliases are case-insensitive), so `--from` and `FROM <alias>` become ambiguous.
# custom:
#   id: DF-012
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Give every stage a distinct name.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3024
#     - https://avd.aquasec.com/misconfig/ds012
#   related: [DS-0012, DL3024, CKV_DOCKER_11]
#   profiles: [recommended]
package palisade.dockerfile.unique_alias

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some i, info in docker.stage_infos
	info.alias != null
	some j, earlier in docker.stage_infos
	j < i
	earlier.alias == info.alias
	msg := sprintf("stage %d reuses alias %q already defined by stage %d", [i, info.alias, j])
	res := result.new(msg, info.from)
}
