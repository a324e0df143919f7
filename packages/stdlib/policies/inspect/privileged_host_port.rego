# METADATA
# title: Container publishes a privileged host port
# description: >-
#   A HostConfig.PortBindings entry maps a host port below 1024. Privileged ports are reserved for
#   system services; publishing them from containers hides which service owns them and usually
#   means the container or daemon runs with more privileges than needed.
# custom:
#   id: DI-020
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Publish on a host port of 1024 or above and front it with a load balancer or reverse proxy
#     when a well-known port is needed.
#   references:
#     - https://docs.docker.com/reference/cli/docker/container/run/#publish
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.8, CIS 5.7]
#   profiles: [cis-docker]
package palisade.inspect.privileged_host_port

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	some p in inspect.port_bindings
	port := host_port(p.binding)
	port > 0
	port < 1024
	msg := sprintf("%s publishes %s on the privileged host port %d", [inspect.describe, p.port, port])
	res := result.new(msg, p.binding)
}

# "80", or the first port of a range "80-81"; empty means a random high port.
host_port(b) := to_number(split(b.HostPort, "-")[0]) if {
	is_string(b.HostPort)
	regex.match(`^[0-9]+(-[0-9]+)?$`, b.HostPort)
}
