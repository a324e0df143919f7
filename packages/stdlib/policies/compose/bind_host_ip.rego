# METADATA
# title: Published port listens on all host interfaces
# description: A service publishes a port without a host IP (or with 0.0.0.0/::), so it is reachable on every interface of the host, including public ones.
# custom:
#   id: DC-020
#   severity: MEDIUM
#   input: [compose]
#   remediation: Prefix the mapping with the interface to listen on, e.g. `"127.0.0.1:8080:8080"`, or use `expose` for service-to-service traffic.
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#ports
#     - https://docs.docker.com/engine/network/packet-filtering-firewalls/#setting-the-default-bind-address-for-containers
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.14]
#   profiles: [recommended, cis-docker]
package palisade.compose.bind_host_ip

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some p in compose.ports(svc)
	p.host_ip in {"", "0.0.0.0", "::"}
	msg := sprintf("%s publishes port %v on all host interfaces", [compose.label(name), p.raw])
	res := compose.finding(msg, name, ["ports", p.index], p.raw)
}
