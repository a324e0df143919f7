# METADATA
# title: SSH port exposed
# description: The final image EXPOSEs port 22, which suggests an SSH daemon runs in the container.
# custom:
#   id: DF-006
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: Remove port 22 from EXPOSE; use `docker exec` / `kubectl exec` instead of SSH into containers.
#   references:
#     - https://avd.aquasec.com/misconfig/ds004
#     - https://docs.docker.com/reference/dockerfile/#expose
#   related: [DS-0004, CKV_DOCKER_1]
#   profiles: [recommended]
package palisade.dockerfile.ssh_port

import rego.v1

import data.palisade.lib.docker

deny contains res if {
	some p in docker.exposed_ports
	p.stage in docker.final_chain
	p.low <= 22
	p.high >= 22
	msg := sprintf("%s exposes SSH port 22 (%q)", [docker.stage_label(p.stage), p.raw])
	res := result.new(msg, p.cmd)
}
