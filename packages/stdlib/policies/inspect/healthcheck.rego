# METADATA
# title: Container without health check
# description: >-
#   Config.Healthcheck is missing, or disabled with NONE, on a container or image. Without a
#   health check Docker and orchestrators cannot tell a hung or compromised process from a healthy
#   one.
# custom:
#   id: DI-025
#   severity: LOW
#   input: [docker-inspect]
#   remediation: >-
#     Add a HEALTHCHECK instruction to the image (or --health-cmd when running it).
#   references:
#     - https://docs.docker.com/reference/dockerfile/#healthcheck
#     - https://docs.docker.com/reference/cli/docker/container/run/#health-cmd
#     - https://www.cisecurity.org/benchmark/docker
#     - https://github.com/goodwithtech/dockle
#   related: [CIS 4.6, CIS 5.27, CIS-DI-0006]
#   profiles: [cis-docker]
package palisade.inspect.healthcheck

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	not is_object(object.get(inspect.config, "Healthcheck", null))
	msg := sprintf("%s has no health check", [inspect.describe])
	res := inspect.result_at(msg, ["Config", "Healthcheck"])
}

deny contains res if {
	test := inspect.config.Healthcheck.Test
	is_array(test)
	count(test) > 0
	upper(test[0]) == "NONE"
	msg := sprintf("%s disables its health check", [inspect.describe])
	res := inspect.result_at(msg, ["Config", "Healthcheck", "Test"])
}
