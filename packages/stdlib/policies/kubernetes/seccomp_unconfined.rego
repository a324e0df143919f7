# METADATA
# title: Seccomp disabled
# description: >-
#   The pod or a container explicitly sets the seccomp profile to Unconfined (or, for policy
#   versions before 1.19, the `unconfined` seccomp annotation), turning off system-call filtering.
# custom:
#   id: KW-021
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Remove the Unconfined profile and use `seccompProfile.type: RuntimeDefault` or a Localhost profile.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/tutorials/security/seccomp/
#     - https://avd.aquasec.com/misconfig/ksv104
#   related: [KSV-0104, PSS-B:seccompProfile, kubesec:SeccompUnconfined]
#   profiles: [recommended, pss-baseline]
package palisade.kubernetes.seccomp_unconfined

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Not in pss-restricted: KW-020 replaces this control there (it rejects Unconfined too).

deny contains res if {
	k8s.in_scope
	k8s.pss_at_least(19)
	k8s.pod_security_context.seccompProfile.type == "Unconfined"
	res := result.new(sprintf("%s disables seccomp for the pod (type Unconfined)", [k8s.resource_label]), k8s.pod_security_context)
}

deny contains res if {
	k8s.in_scope
	k8s.pss_at_least(19)
	some entry in k8s.containers
	k8s.security_context(entry.container).seccompProfile.type == "Unconfined"
	res := result.new(sprintf("%s disables seccomp (type Unconfined)", [k8s.describe(entry)]), entry.container)
}

# Policy versions before 1.19 read the alpha annotations instead of the fields.
deny contains res if {
	k8s.in_scope
	not k8s.pss_at_least(19)
	some key, value in k8s.pod_annotations
	annotation_key(key)
	value == "unconfined"
	res := result.new(sprintf("%s disables seccomp through annotation %s", [k8s.resource_label, key]), k8s.pod_annotations)
}

annotation_key(key) if key == "seccomp.security.alpha.kubernetes.io/pod"

annotation_key(key) if startswith(key, "container.seccomp.security.alpha.kubernetes.io/")
