# METADATA
# title: Bind mount with shared propagation
# description: A bind mount uses `shared` or `rshared` propagation, so mounts made inside the container appear on the host (and the other way round).
# custom:
#   id: DC-010
#   severity: MEDIUM
#   input: [compose]
#   remediation: Use the default `rprivate` propagation.
#   references:
#     - https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.20]
#   profiles: [recommended, cis-docker]
package palisade.compose.mount_propagation

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some m in compose.volume_mounts(svc)
	m.propagation in {"shared", "rshared"}
	res := compose.finding(sprintf("%s mounts %s with %s propagation", [compose.label(name), m.source, m.propagation]), name, ["volumes", m.index], m.raw)
}
