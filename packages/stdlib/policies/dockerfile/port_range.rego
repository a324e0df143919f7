# METADATA
# title: Invalid exposed port
# description: EXPOSE lists a port that is not a number in 0–65535 (or a low-high range of such numbers).
# custom:
#   id: DF-007
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Expose only ports between 0 and 65535.
#   references:
#     - https://github.com/hadolint/hadolint/wiki/DL3011
#     - https://avd.aquasec.com/misconfig/ds008
#   related: [DS-0008, DL3011]
#   profiles: [recommended]
package palisade.dockerfile.port_range

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some p in docker.exposed_ports
	_invalid(p)
	msg := sprintf("%s exposes invalid port %q (ports range from 0 to 65535)", [docker.stage_label(p.stage), p.raw])
	res := result.new(msg, p.cmd)
}

_invalid(p) if {
	not p.low
	not contains(p.port, "$")
}

_invalid(p) if p.high > 65535

_invalid(p) if p.low > p.high

_invalid(p) if not p.protocol in {"tcp", "udp", "sctp"}
