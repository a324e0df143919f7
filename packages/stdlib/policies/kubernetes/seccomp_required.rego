# METADATA
# title: Seccomp profile not set
# description: >-
#   A container runs without an explicit RuntimeDefault or Localhost seccomp profile (at pod or
#   container level), so on many clusters every system call is allowed.
# custom:
#   id: KW-020
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or Localhost with a reviewed profile).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://kubernetes.io/docs/tutorials/security/seccomp/
#     - https://avd.aquasec.com/misconfig/ksv030
#   related: [KSV-0030, PSS-R:seccompProfile, kubesec:SeccompAny, kube-score:container-seccomp-profile, CKV_K8S_31]
#   profiles: [recommended, pss-restricted]
package palisade.kubernetes.seccomp_required

import rego.v1

import data.palisade.lib.kubernetes as k8s

allowed_types := {"RuntimeDefault", "Localhost"}

# PSS v1.19+; Windows pods exempt from v1.25.
applies if {
	k8s.in_scope
	k8s.pss_at_least(19)
	not windows_exempt
}

windows_exempt if {
	k8s.windows_pod
	k8s.pss_at_least(25)
}

pod_profile := p if {
	p := k8s.pod_security_context.seccompProfile
	is_object(p)
}

deny contains res if {
	applies
	not allowed_types[pod_profile.type]
	pod_profile.type != null
	res := result.new(sprintf("%s sets seccomp profile type %v for the pod", [k8s.resource_label, pod_profile.type]), pod_profile)
}

deny contains res if {
	applies
	some entry in k8s.containers
	profile := k8s.security_context(entry.container).seccompProfile
	is_object(profile)
	not allowed_types[object.get(profile, "type", null)]
	res := result.new(sprintf("%s sets seccomp profile type %v", [k8s.describe(entry), object.get(profile, "type", "(none)")]), entry.container)
}

deny contains res if {
	applies
	not allowed_types[object.get(k8s.pod_security_context, ["seccompProfile", "type"], null)]
	some entry in k8s.containers
	not is_object(object.get(k8s.security_context(entry.container), "seccompProfile", null))
	res := result.new(sprintf("%s has no RuntimeDefault or Localhost seccomp profile (pod or container)", [k8s.describe(entry)]), entry.container)
}
