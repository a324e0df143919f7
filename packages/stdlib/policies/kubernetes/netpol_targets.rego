# METADATA
# title: NetworkPolicy selects nothing or allows all traffic
# description: >-
#   A NetworkPolicy whose non-empty podSelector matches none of the workloads of its namespace in
#   the scan (reported only when the scan holds workloads of that namespace; usually a label typo,
#   leaving the intended pods unprotected), or one with an empty ingress/egress rule ({}), which
#   allows all traffic from/to everywhere on every port and undoes any default deny.
# custom:
#   id: KC-022
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Fix the podSelector labels so they match the intended pods; replace empty rules with
#     explicit peers and ports.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
#     - https://avd.aquasec.com/misconfig/ksv038
#   related: [KSC networkpolicy-targets-pod, KSV-0038, KYV restrict-networkpolicy-empty-podselector]
#   profiles: [recommended]
package palisade.kubernetes.netpol_targets

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	np := kubernetes.object
	np.kind == "NetworkPolicy"
	sel := cluster.pod_selector(np)
	not cluster.selector_is_empty(sel)
	ns := cluster.namespace_of(np)
	workloads := cluster.workloads_in(ns)
	count(workloads) > 0
	every w in workloads {
		not cluster.selector_matches(sel, cluster.pod_labels_of(w))
	}
	msg := sprintf("NetworkPolicy \"%s\" selects none of the %d workloads of namespace \"%s\" in the scan", [cluster.name_of(np), count(workloads), ns])
	res := result.new(msg, np.spec.podSelector)
}

deny contains res if {
	np := kubernetes.object
	np.kind == "NetworkPolicy"
	some type in cluster.policy_types(np)
	some rule in cluster.policy_rules(np, type)
	cluster.allow_all_rule(rule, type)
	msg := sprintf("NetworkPolicy \"%s\" has an empty %s rule that allows all %s traffic", [cluster.name_of(np), cluster.rule_field[type], lower(type)])
	res := result.new(msg, rule)
}
