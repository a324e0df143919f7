# METADATA
# title: Container may run as root
# description: >-
#   Neither the pod nor the container sets `runAsNonRoot: true`, so the kubelet does not refuse
#   to start the container when its image runs as UID 0.
# custom:
#   id: KW-014
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Set `securityContext.runAsNonRoot: true` at pod level (or on every container) and run the
#     image as a non-root user.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/
#     - https://avd.aquasec.com/misconfig/ksv012
#   related: [KSV-0012, PSS-R:runAsNonRoot, CKV_K8S_23, kubesec:RunAsNonRoot, polaris:runAsRootAllowed]
#   profiles: [recommended, pss-restricted]
package palisade.kubernetes.run_as_non_root

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Since PSS v1.35 a pod in its own user namespace (hostUsers: false) is exempt: UID 0 inside it
# is an unprivileged UID on the node.
applies if {
	k8s.in_scope
	not relaxed
}

relaxed if {
	k8s.user_namespace
	k8s.pss_at_least(35)
}

pod_non_root if k8s.pod_security_context.runAsNonRoot == true

deny contains res if {
	applies
	k8s.pod_security_context.runAsNonRoot == false
	res := result.new(sprintf("%s sets runAsNonRoot: false for the pod", [k8s.resource_label]), k8s.pod_security_context)
}

deny contains res if {
	applies
	some entry in k8s.containers
	v := k8s.security_context(entry.container).runAsNonRoot
	v != null
	v != true
	res := result.new(sprintf("%s sets runAsNonRoot: %v", [k8s.describe(entry), v]), entry.container)
}

deny contains res if {
	applies
	not pod_non_root
	some entry in k8s.containers
	object.get(k8s.security_context(entry.container), "runAsNonRoot", null) == null
	res := result.new(sprintf("%s does not set runAsNonRoot: true (neither does the pod)", [k8s.describe(entry)]), entry.container)
}
