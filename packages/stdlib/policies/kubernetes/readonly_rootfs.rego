# METADATA
# title: Root filesystem is writable
# description: >-
#   A container does not set `readOnlyRootFilesystem: true`, so an attacker can modify binaries
#   and drop tools into the container's filesystem.
# custom:
#   id: KW-019
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir (medium: Memory for
#     a tmpfs) where the application must write, e.g. /tmp.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     - https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
#     - https://avd.aquasec.com/misconfig/ksv014
#   related: [KSV-0014, kubesec:ReadOnlyRootFilesystem, kube-score:container-security-context-readonlyrootfilesystem, polaris:notReadOnlyRootFilesystem, CKV_K8S_22, kyverno:require-ro-rootfs]
#   profiles: [recommended]
package palisade.kubernetes.readonly_rootfs

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	not k8s.security_context(entry.container).readOnlyRootFilesystem == true
	res := result.new(sprintf("%s does not set readOnlyRootFilesystem: true", [k8s.describe(entry)]), entry.container)
}
