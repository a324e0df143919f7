# METADATA
# title: Namespace not enrolled in the service mesh
# description: >-
#   A Namespace document that is enrolled neither in Istio (istio-injection=enabled, istio.io/rev,
#   or istio.io/dataplane-mode=ambient labels) nor in Linkerd (linkerd.io/inject annotation),
#   while the scan shows a mesh in use (a mesh resource or an enrolled namespace) or mesh_required
#   is true. Its pods get no mTLS and no mesh policy. Namespaces in mesh_exempt_namespaces (system
#   and mesh control-plane namespaces by default) are skipped.
# custom:
#   id: KC-061
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Label the namespace istio-injection=enabled (or istio.io/rev=<revision>, or
#     istio.io/dataplane-mode=ambient), or annotate it linkerd.io/inject=enabled, and restart its
#     workloads.
#   references:
#     - https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/
#     - https://istio.io/latest/docs/ambient/usage/add-workloads/
#     - https://linkerd.io/2/features/proxy-injection/
#   related: [KYV enforce-sidecar-injection-namespace, KYV istio enforce-ambient-mode-namespace, KYV require-linkerd-mesh-injection]
#   profiles: [recommended]
package palisade.kubernetes.mesh_injection_namespace

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	ns_obj := kubernetes.object
	ns_obj.kind == "Namespace"
	ns := cluster.name_of(ns_obj)
	not cluster.mesh_exempt_namespace(ns)
	cluster.mesh_expected
	not cluster.mesh_enrolled(ns_obj)
	msg := sprintf("Namespace \"%s\" is not enrolled in the service mesh%s", [ns, disabled_note(ns_obj)])
	res := result.new(msg, ns_obj)
}

disabled_note(ns_obj) := " (istio-injection is disabled)" if {
	cluster.labels_of(ns_obj)["istio-injection"] == "disabled"
} else := " (linkerd.io/inject is disabled)" if {
	cluster.annotations_of(ns_obj)["linkerd.io/inject"] == "disabled"
} else := ""
