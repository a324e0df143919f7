# METADATA
# title: Service root filesystem is writable
# description: 'A service does not set `read_only: true`, so an attacker who gets code execution can modify the container''s files and binaries.'
# custom:
#   id: DC-015
#   severity: MEDIUM
#   input: [compose]
#   remediation: 'Set `read_only: true` and mount writable paths explicitly (`tmpfs: [/tmp]`, named volumes).'
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#read_only
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.13, SG-writable-filesystem-service]
#   profiles: [recommended, cis-docker]
package palisade.compose.readonly_rootfs

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	not compose.is_true(object.get(svc, "read_only", null))
	res := _finding(name, svc)
}

_finding(name, svc) := compose.finding(sprintf("%s sets read_only: %v", [compose.label(name), svc.read_only]), name, ["read_only"], svc.read_only) if {
	_ = svc.read_only
} else := compose.finding(sprintf("%s does not set read_only: true", [compose.label(name)]), name, [], svc)
