# METADATA
# title: Pod shares the host user namespace
# description: >-
#   The pod does not set `hostUsers: false`, so UID 0 in its containers is UID 0 on the node.
#   With a user namespace, a container escape lands as an unprivileged user.
# custom:
#   id: KW-031
#   severity: INFO
#   input: [kubernetes]
#   remediation: >-
#     Set `spec.hostUsers: false` where the node and runtime support user namespaces (Kubernetes 1.33+ enables them by default).
#   references:
#     - https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/
#   related: [kubesec:HostUsers]
#   profiles: []
package palisade.kubernetes.user_namespace

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Pods sharing a host namespace cannot use a user namespace: KW-003/004/005 report those.
deny contains res if {
	k8s.in_scope
	not k8s.user_namespace
	not k8s.pod_spec.hostNetwork == true
	not k8s.pod_spec.hostPID == true
	not k8s.pod_spec.hostIPC == true
	res := result.new(sprintf("%s does not set hostUsers: false (no user namespace)", [k8s.resource_label]), k8s.pod_spec)
}
