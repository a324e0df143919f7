# METADATA
# title: Meshed namespace without authorization policy
# description: >-
#   A Namespace enrolled in Istio with no Istio AuthorizationPolicy in the namespace or in the
#   Istio root namespace (istio_root_namespace, default istio-system), or enrolled in Linkerd with
#   no Server plus AuthorizationPolicy/ServerAuthorization in the namespace and no
#   default-inbound-policy of deny, in the same scan. mTLS then authenticates callers but any
#   meshed workload may call any other.
# custom:
#   id: KC-062
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Add a deny-by-default AuthorizationPolicy (Istio: an empty spec in the namespace or root
#     namespace; Linkerd: config.linkerd.io/default-inbound-policy: deny) and allow the expected
#     callers explicitly.
#   references:
#     - https://istio.io/latest/docs/reference/config/security/authorization-policy/
#     - https://istio.io/latest/docs/ops/best-practices/security/#use-default-deny-patterns
#     - https://linkerd.io/2/reference/authorization-policy/
#   related: [KYV require-authorizationpolicy, KYV require-linkerd-server]
#   profiles: [recommended]
package palisade.kubernetes.mesh_authorization

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

root_namespace := config.get("istio_root_namespace", "istio-system")

deny contains res if {
	ns_obj := kubernetes.object
	ns_obj.kind == "Namespace"
	ns := cluster.name_of(ns_obj)
	not cluster.mesh_exempt_namespace(ns)
	cluster.istio_enrolled(ns_obj)
	not istio_policy_in({ns, root_namespace})
	msg := sprintf("Namespace \"%s\" is in the Istio mesh without any AuthorizationPolicy", [ns])
	res := result.new(msg, ns_obj)
}

deny contains res if {
	ns_obj := kubernetes.object
	ns_obj.kind == "Namespace"
	ns := cluster.name_of(ns_obj)
	not cluster.mesh_exempt_namespace(ns)
	cluster.linkerd_enrolled(ns_obj)
	not linkerd_authorized(ns_obj, ns)
	msg := sprintf("Namespace \"%s\" is in the Linkerd mesh without a Server and an authorization policy", [ns])
	res := result.new(msg, ns_obj)
}

istio_policy_in(namespaces) if {
	some p in cluster.objects("AuthorizationPolicy")
	endswith(cluster.api_group(p), "istio.io")
	cluster.namespace_of(p) in namespaces
}

linkerd_objects(kind, ns) := [o | some o in cluster.objects_in(kind, ns); endswith(cluster.api_group(o), "linkerd.io")]

linkerd_authorized(ns_obj, _) if cluster.annotations_of(ns_obj)["config.linkerd.io/default-inbound-policy"] == "deny"

linkerd_authorized(_, ns) if {
	count(linkerd_objects("Server", ns)) > 0
	count(array.concat(linkerd_objects("AuthorizationPolicy", ns), linkerd_objects("ServerAuthorization", ns))) > 0
}
