# METADATA
# title: Restart policy retries without bound
# description: >-
#   HostConfig.RestartPolicy is on-failure with MaximumRetryCount above
#   inspect_max_restart_retries (default 5). Endless restarts of a failing container can mask an
#   attack or exhaust host resources. With inspect_flag_restart_always set to true, always and
#   unless-stopped (which restart without limit) are reported as well.
# custom:
#   id: DI-021
#   severity: LOW
#   input: [docker-inspect]
#   remediation: >-
#     Use --restart on-failure:5 (or less); let an orchestrator handle long-lived restarts.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#restart
#     - https://docs.docker.com/engine/containers/start-containers-automatically/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.15, CIS 5.14]
#   profiles: [cis-docker]
package palisade.inspect.restart_policy

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

max_retries := config.get("inspect_max_restart_retries", 5)

deny contains res if {
	inspect.is_container
	policy := inspect.host_config.RestartPolicy
	policy.Name == "on-failure"
	policy.MaximumRetryCount > max_retries
	msg := sprintf("%s restarts up to %d times on failure (more than %d)", [inspect.describe, policy.MaximumRetryCount, max_retries])
	res := inspect.result_at(msg, ["HostConfig", "RestartPolicy", "MaximumRetryCount"])
}

deny contains res if {
	inspect.is_container
	config.get("inspect_flag_restart_always", false) == true
	name := inspect.host_config.RestartPolicy.Name
	name in {"always", "unless-stopped"}
	msg := sprintf("%s restarts without limit (restart policy %s)", [inspect.describe, name])
	res := inspect.result_at(msg, ["HostConfig", "RestartPolicy", "Name"])
}
