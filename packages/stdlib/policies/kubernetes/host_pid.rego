# METADATA
# title: Host PID namespace shared
# description: >-
#   The pod sets `hostPID: true` and shares the node's process namespace: it can see every process on the node, read their environment and, with enough privileges, ptrace them.
# custom:
#   id: KW-004
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Remove `hostPID` from the pod spec (or set it to false).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://avd.aquasec.com/misconfig/ksv010
#   related: [KSV-0010, PSS-B:hostNamespaces, CKV_K8S_17, kubesec:HostPID, polaris:hostPIDSet]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.host_pid

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.pod_spec.hostPID == true
	res := k8s.pod_field_result(sprintf("%s shares the host PID namespace (hostPID: true)", [k8s.resource_label]), "hostPID")
}
