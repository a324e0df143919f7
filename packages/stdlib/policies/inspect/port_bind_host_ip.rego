# METADATA
# title: Published port listens on all host interfaces
# description: >-
#   A HostConfig.PortBindings entry has HostIp empty, 0.0.0.0 or ::, so the published port is
#   reachable on every interface of the host, including public ones, and Docker's iptables rules
#   bypass host firewalls such as ufw.
# custom:
#   id: DI-019
#   severity: MEDIUM
#   input: [docker-inspect]
#   remediation: >-
#     Publish on a specific address, e.g. -p 127.0.0.1:8080:80, or put the container behind a
#     reverse proxy.
#   references:
#     - https://docs.docker.com/engine/network/#published-ports
#     - https://docs.docker.com/engine/network/packet-filtering-firewalls/
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS 5.14, CIS 5.13]
#   profiles: [recommended, cis-docker]
package palisade.inspect.port_bind_host_ip

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect

deny contains res if {
	inspect.is_container
	some p in inspect.port_bindings
	object.get(p.binding, "HostIp", "") in {"", "0.0.0.0", "::"}
	msg := sprintf("%s publishes %s on all host interfaces (host port %v)", [inspect.describe, p.port, object.get(p.binding, "HostPort", "")])
	res := result.new(msg, p.binding)
}
