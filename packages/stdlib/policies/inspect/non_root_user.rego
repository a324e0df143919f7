# METADATA
# title: Container runs as root
# description: >-
#   Config.User is empty, root or UID 0 (with or without a group) on a container or image, so the
#   process runs as root inside the container, one kernel bug or misconfiguration away from root
#   on the host.
# custom:
#   id: DI-026
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Add a USER instruction with a non-root user to the image, or run the container with --user.
#   references:
#     - https://docs.docker.com/reference/dockerfile/#user
#     - https://docs.docker.com/engine/security/#linux-kernel-capabilities
#     - https://www.cisecurity.org/benchmark/docker
#     - https://github.com/goodwithtech/dockle
#   related: [CIS 4.1, CIS-DI-0001]
#   profiles: [recommended, cis-docker]
package palisade.inspect.non_root_user

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	user := object.get(inspect.config, "User", "")
	root_user(user)
	msg := sprintf("%s runs as root (%s)", [inspect.describe, describe_user(user)])
	res := inspect.result_at(msg, ["Config", "User"])
}

root_user(user) if not is_string(user)

root_user(user) if split(user, ":")[0] in {"", "root", "0"}

describe_user(user) := "no user set" if {
	not is_string(user)
} else := "no user set" if {
	user == ""
} else := sprintf("user %s", [user])
