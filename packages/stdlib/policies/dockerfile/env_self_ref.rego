# METADATA
# title: ENV uses a variable it defines
# description: One ENV instruction defines a variable and uses it in a later pair; the reference still sees the old value, not the one set in the same instruction.
# custom:
#   id: DF-045
#   severity: LOW
#   input: [dockerfile]
#   remediation: Split the ENV instruction so the variable is defined before it is used.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3044
#     - https://docs.docker.com/reference/dockerfile/#environment-replacement
#   related: [DL3044]
#   profiles: [recommended]
package palisade.dockerfile.env_self_ref

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some cmd in docker.commands_named("env")
	pairs := docker.env_pairs(cmd)
	some j, defined in pairs
	some k, user in pairs
	j < k
	regex.match(sprintf(`\$(\{%s([:}+-]|$)|%s\b)`, [defined[0], defined[0]]), user[1])
	msg := sprintf("ENV %s uses %s, which the same ENV instruction defines", [user[0], defined[0]])
	res := result.new(msg, cmd)
}
