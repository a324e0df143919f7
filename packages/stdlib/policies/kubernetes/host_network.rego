# METADATA
# title: Host network namespace shared
# description: >-
#   The pod sets `hostNetwork: true` and shares the node's network stack: it can bind host ports, sniff traffic on host interfaces and reach services bound to localhost on the node.
# custom:
#   id: KW-003
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Remove `hostNetwork` from the pod spec (or set it to false).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://avd.aquasec.com/misconfig/ksv009
#   related: [KSV-0009, PSS-B:hostNamespaces, CKV_K8S_19, kubesec:HostNetwork, polaris:hostNetworkSet]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.host_network

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.pod_spec.hostNetwork == true
	res := k8s.pod_field_result(sprintf("%s shares the host network namespace (hostNetwork: true)", [k8s.resource_label]), "hostNetwork")
}
