# METADATA
# title: Container runs without AppArmor
# description: >-
#   The container's AppArmorProfile is unconfined, or SecurityOpt sets apparmor=unconfined, or
#   AppArmorProfile is empty (no profile applied; on hosts without AppArmor, such as SELinux-based
#   distributions, set inspect_require_apparmor to false).
# custom:
#   id: DI-013
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Run with the default docker-default profile (remove apparmor=unconfined) or a custom profile
#     for the application.
#   references:
#     - https://docs.docker.com/engine/security/apparmor/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.2]
#   profiles: [recommended, cis-docker]
package palisade.inspect.apparmor

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	input.AppArmorProfile == "unconfined"
	msg := sprintf("%s runs with the AppArmor profile unconfined", [inspect.describe])
	res := inspect.result_at(msg, ["AppArmorProfile"])
}

deny contains res if {
	inspect.is_container
	input.AppArmorProfile == ""
	config.get("inspect_require_apparmor", true) == true
	not unconfined_opt
	msg := sprintf("%s runs without an AppArmor profile", [inspect.describe])
	res := inspect.result_at(msg, ["AppArmorProfile"])
}

deny contains res if {
	inspect.is_container
	some o in inspect.security_opt("apparmor")
	lower(o.value) == "unconfined"
	not input.AppArmorProfile == "unconfined"
	msg := sprintf("%s sets apparmor=unconfined", [inspect.describe])
	res := inspect.result_at(msg, ["HostConfig", "SecurityOpt", o.index])
}

unconfined_opt if {
	some o in inspect.security_opt("apparmor")
	lower(o.value) == "unconfined"
}
