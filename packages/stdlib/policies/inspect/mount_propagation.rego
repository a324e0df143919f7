# METADATA
# title: Mount uses shared propagation
# description: >-
#   A bind mount with shared or rshared propagation: mounts made inside the container appear on
#   the host (and the other way round), letting the container alter the host mount table.
# custom:
#   id: DI-010
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Use the default rprivate propagation (or slave/rslave when host mounts must reach the
#     container).
#   references:
#     - https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.20]
#   profiles: [recommended, cis-docker]
package palisade.inspect.mount_propagation

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	some m in inspect.host_mounts
	m.propagation in {"shared", "rshared"}
	msg := sprintf("%s mounts %s with %s propagation", [inspect.describe, m.source, m.propagation])
	res := inspect.result_at(msg, m.path)
}
