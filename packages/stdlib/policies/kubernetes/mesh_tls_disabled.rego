# METADATA
# title: Istio DestinationRule disables TLS
# description: >-
#   An Istio DestinationRule sets tls.mode DISABLE in its traffic policy, a port-level setting or
#   a subset. Sidecars then send plain-text traffic to that destination even when mTLS is
#   available, so it is neither encrypted nor authenticated.
# custom:
#   id: KC-063
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Use tls.mode ISTIO_MUTUAL for in-mesh destinations (or remove the tls block to get automatic
#     mTLS), SIMPLE/MUTUAL for external TLS endpoints.
#   references:
#     - https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings-TLSmode
#     - https://istio.io/latest/docs/ops/configuration/traffic-management/tls-configuration/
#   related: []
#   profiles: [recommended]
package palisade.kubernetes.mesh_tls_disabled

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	dr := kubernetes.object
	dr.kind == "DestinationRule"
	endswith(cluster.api_group(dr), "istio.io")
	walk(dr.spec, [path, tls])
	count(path) > 0
	path[count(path) - 1] == "tls"
	tls.mode == "DISABLE"
	msg := sprintf("DestinationRule \"%s\" disables TLS to %v at spec.%s", [cluster.name_of(dr), object.get(dr.spec, "host", "its host"), concat(".", [sprintf("%v", [p]) | some p in path])])
	res := result.new(msg, tls)
}
