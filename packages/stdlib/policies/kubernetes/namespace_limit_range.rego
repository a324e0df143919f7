# METADATA
# title: Namespace without LimitRange
# description: >-
#   A Namespace document with no LimitRange in the scan. Without one, containers that set no
#   requests or limits get none, and a single pod can use a whole node. Namespaces in
#   cluster_exempt_namespaces are skipped.
# custom:
#   id: KC-051
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Add a LimitRange with default requests and limits for containers to every application
#     namespace.
#   references:
#     - https://kubernetes.io/docs/concepts/policy/limit-range/
#     - https://avd.aquasec.com/misconfig/ksv039
#   related: [KSV-0039]
#   profiles: [recommended]
package palisade.kubernetes.namespace_limit_range

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	ns_obj := kubernetes.object
	ns_obj.kind == "Namespace"
	ns := cluster.name_of(ns_obj)
	not cluster.exempt_namespace(ns)
	count(cluster.objects_in("LimitRange", ns)) == 0
	msg := sprintf("Namespace \"%s\" has no LimitRange", [ns])
	res := result.new(msg, ns_obj)
}
