# METADATA
# title: Host IPC namespace shared
# description: >-
#   The pod sets `hostIPC: true` and shares the node's IPC namespace: it can read and write shared memory of every process on the node.
# custom:
#   id: KW-005
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Remove `hostIPC` from the pod spec (or set it to false).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://avd.aquasec.com/misconfig/ksv008
#   related: [KSV-0008, PSS-B:hostNamespaces, CKV_K8S_18, kubesec:HostIPC, polaris:hostIPCSet]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.host_ipc

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.pod_spec.hostIPC == true
	res := k8s.pod_field_result(sprintf("%s shares the host IPC namespace (hostIPC: true)", [k8s.resource_label]), "hostIPC")
}
