# METADATA
# title: Namespace without default-deny NetworkPolicy
# description: >-
#   No NetworkPolicy of the namespace (in the same scan) selects all its pods (empty podSelector)
#   and denies all ingress and all egress by default (the policy type in effect with no rules;
#   configurable: netpol_default_deny_types). Reported on the Namespace document; when the scan
#   has no Namespace document for a namespace that workloads use, it is reported on each such
#   workload instead. A missing namespace counts as "default"; namespaces in
#   cluster_exempt_namespaces are skipped.
# custom:
#   id: KC-021
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Add a NetworkPolicy with podSelector: {} and policyTypes [Ingress, Egress] and no rules to
#     the namespace, then allow the needed traffic (DNS egress first) with narrower policies.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
#     - https://avd.aquasec.com/misconfig/ksv038
#   related: [KSV-0038, KYV add-network-policy]
#   profiles: [recommended]
package palisade.kubernetes.netpol_default_deny

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

required := {t | some t in config.get("netpol_default_deny_types", ["Ingress", "Egress"])}

missing(ns) := sort(required - cluster.default_deny_types(ns))

deny contains res if {
	obj := kubernetes.object
	obj.kind == "Namespace"
	ns := cluster.name_of(obj)
	not cluster.exempt_namespace(ns)
	m := missing(ns)
	count(m) > 0
	msg := sprintf("Namespace \"%s\" has no default-deny NetworkPolicy for %s", [ns, concat(" and ", m)])
	res := result.new(msg, obj)
}

deny contains res if {
	kubernetes.is_workload
	ns := kubernetes.namespace
	not cluster.exempt_namespace(ns)
	not cluster.namespace_declared(ns)
	m := missing(ns)
	count(m) > 0
	msg := sprintf("%s runs in namespace \"%s\", which has no default-deny NetworkPolicy for %s", [kubernetes.resource_label, ns, concat(" and ", m)])
	res := result.new(msg, kubernetes.object)
}
