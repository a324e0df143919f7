# METADATA
# title: Container disables SELinux labeling
# description: >-
#   HostConfig.SecurityOpt sets label=disable (or label:disable), turning off SELinux separation
#   for the container. With inspect_require_selinux set to true (for SELinux hosts, as CIS asks),
#   a container without any label option is reported too.
# custom:
#   id: DI-014
#   severity: LOW
#   input: [docker-inspect]
#   remediation: >-
#     Remove label=disable; on SELinux hosts run the daemon with --selinux-enabled and set label
#     options (type, level) where the default is not enough.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#security-opt
#     - https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.3]
#   profiles: [cis-docker]
package palisade.inspect.selinux

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	some o in inspect.security_opt("label")
	lower(o.value) == "disable"
	msg := sprintf("%s disables SELinux labeling", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "SecurityOpt", o.index])
}

deny contains res if {
	inspect.is_container
	config.get("inspect_require_selinux", false) == true
	count(inspect.security_opt("label")) == 0
	msg := sprintf("%s sets no SELinux label options", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "SecurityOpt"])
}
