# METADATA
# title: Service uses a custom cgroup parent
# description: A service sets `cgroup_parent`, placing the container in a cgroup outside Docker's default hierarchy, where its resource limits may not apply as intended.
# custom:
#   id: DC-024
#   severity: LOW
#   input: [compose]
#   remediation: Remove `cgroup_parent` unless the host's cgroup layout requires it.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#cgroup_parent
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.25]
#   profiles: [recommended, cis-docker]
package palisade.compose.cgroup_parent

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	is_string(svc.cgroup_parent)
	svc.cgroup_parent != ""
	msg := sprintf("%s sets cgroup_parent %q", [compose.label(name), svc.cgroup_parent])
	res := compose.finding(msg, name, ["cgroup_parent"], svc.cgroup_parent)
}
