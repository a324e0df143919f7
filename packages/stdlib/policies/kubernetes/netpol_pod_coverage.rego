# METADATA
# title: Pods outside every NetworkPolicy
# description: >-
#   A workload (Pod or pod controller) whose pod labels no NetworkPolicy of its namespace selects,
#   among the NetworkPolicies of the same scan. Such pods accept traffic from, and send traffic
#   to, anywhere the cluster network reaches. Evaluated across documents: scan the workloads
#   together with their NetworkPolicies. A missing namespace counts as "default"; namespaces in
#   cluster_exempt_namespaces are skipped.
# custom:
#   id: KC-020
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Add a NetworkPolicy selecting the pods (a namespace-wide default-deny policy with an empty
#     podSelector covers every pod), then allow the traffic they need.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/
#     - https://kube-score.com/
#   related: [KSC pod-networkpolicy, POL missingNetworkPolicy, CKV2_K8S_6, CIS-K8s 5.3.2, KYV require-netpol]
#   profiles: [recommended]
package palisade.kubernetes.netpol_pod_coverage

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	kubernetes.is_workload
	ns := kubernetes.namespace
	not cluster.exempt_namespace(ns)
	count(cluster.policies_selecting(ns, kubernetes.pod_labels)) == 0
	msg := sprintf("%s in namespace \"%s\": no NetworkPolicy selects its pods", [kubernetes.resource_label, ns])
	res := result.new(msg, kubernetes.pod_template)
}
