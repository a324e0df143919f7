# METADATA
# title: Container runs without seccomp
# description: >-
#   HostConfig.SecurityOpt sets seccomp=unconfined: every system call is available to the
#   container, including the ones Docker's default profile blocks because they have led to
#   container escapes.
# custom:
#   id: DI-012
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Remove seccomp=unconfined to get the default profile, or pass a custom profile that allows
#     only the extra calls needed.
#   references:
#     - https://docs.docker.com/engine/security/seccomp/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.22]
#   profiles: [recommended, cis-docker]
package palisade.inspect.seccomp_unconfined

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	some o in inspect.security_opt("seccomp")
	lower(o.value) == "unconfined"
	msg := sprintf("%s runs with seccomp unconfined", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "SecurityOpt", o.index])
}
