# METADATA
# title: Container capabilities beyond the minimum
# description: >-
#   HostConfig.CapAdd adds a capability other than those in inspect_allowed_capabilities (default
#   NET_BIND_SERVICE), or HostConfig.CapDrop does not drop ALL. Every capability left widens what
#   a compromised process can do to the kernel and the host.
# custom:
#   id: DI-002
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Run with --cap-drop=ALL and add back only what the process needs (usually nothing, or
#     NET_BIND_SERVICE).
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#cap-add
#     - https://docs.docker.com/engine/security/#linux-kernel-capabilities
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.4, CIS 5.3]
#   profiles: [recommended, cis-docker]
package palisade.inspect.capabilities

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

allowed := {normalize(c) | some c in config.get("inspect_allowed_capabilities", ["NET_BIND_SERVICE"])}

normalize(cap) := trim_prefix(upper(cap), "CAP_")

deny contains res if {
	inspect.is_container
	some i, cap in inspect.host_config.CapAdd
	is_string(cap)
	not normalize(cap) in allowed
	msg := sprintf("%s adds the capability %s", [inspect.describe, cap])
	res := inspect.result_at(msg, ["HostConfig", "CapAdd", i])
}

deny contains res if {
	inspect.is_container
	not drops_all
	msg := sprintf("%s does not drop ALL capabilities", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "CapDrop"])
}

drops_all if {
	some cap in inspect.host_config.CapDrop
	is_string(cap)
	normalize(cap) == "ALL"
}
