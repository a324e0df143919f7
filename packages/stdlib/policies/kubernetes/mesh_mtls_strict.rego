# METADATA
# title: Istio PeerAuthentication without strict mTLS
# description: >-
#   An Istio PeerAuthentication sets mtls.mode (or a portLevelMtls entry) to PERMISSIVE or
#   DISABLE. The selected workloads then accept plain-text traffic, which is neither encrypted nor
#   authenticated, so authorization policies based on peer identity can be bypassed. UNSET
#   inherits the parent policy and is not reported.
# custom:
#   id: KC-060
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Set mtls.mode to STRICT (mesh-wide in the Istio root namespace, or per namespace) once every
#     client is in the mesh.
#   references:
#     - https://istio.io/latest/docs/reference/config/security/peer_authentication/
#     - https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/
#   related: [KYV enforce-strict-mtls]
#   profiles: [recommended]
package palisade.kubernetes.mesh_mtls_strict

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

weak_modes := {"PERMISSIVE", "DISABLE"}

is_peer_authentication(obj) if {
	obj.kind == "PeerAuthentication"
	endswith(cluster.api_group(obj), "istio.io")
}

deny contains res if {
	pa := kubernetes.object
	is_peer_authentication(pa)
	mode := pa.spec.mtls.mode
	mode in weak_modes
	msg := sprintf("PeerAuthentication \"%s\" in namespace \"%s\" sets mTLS mode %s", [cluster.name_of(pa), cluster.namespace_of(pa), mode])
	res := cluster.result_at(msg, ["spec", "mtls", "mode"])
}

deny contains res if {
	pa := kubernetes.object
	is_peer_authentication(pa)
	some port, setting in cluster.get_object(pa, ["spec", "portLevelMtls"])
	setting.mode in weak_modes
	msg := sprintf("PeerAuthentication \"%s\" in namespace \"%s\" sets mTLS mode %s on port %v", [cluster.name_of(pa), cluster.namespace_of(pa), setting.mode, port])
	res := result.new(msg, setting)
}
