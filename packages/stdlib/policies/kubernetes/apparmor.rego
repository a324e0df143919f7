# METADATA
# title: AppArmor profile overridden
# description: >-
#   The pod or a container replaces the runtime's default AppArmor profile with Unconfined (or
#   another type than RuntimeDefault/Localhost), through `appArmorProfile.type` or the
#   `container.apparmor.security.beta.kubernetes.io/*` annotation.
# custom:
#   id: KW-022
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Remove the override, or use `appArmorProfile.type` RuntimeDefault or Localhost (annotation values `runtime/default` or `localhost/<profile>`).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/tutorials/security/apparmor/
#     - https://avd.aquasec.com/misconfig/ksv002
#   related: [KSV-0002, PSS-B:appArmorProfile, kubesec:ApparmorAny, kubesec:ApparmorUnconfined]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.apparmor

import rego.v1

import data.palisade.lib.kubernetes as k8s

allowed_types := {"RuntimeDefault", "Localhost"}

annotation_prefix := "container.apparmor.security.beta.kubernetes.io/"

deny contains res if {
	k8s.in_scope
	profile := k8s.pod_security_context.appArmorProfile
	is_object(profile)
	not allowed_types[profile.type]
	res := result.new(sprintf("%s sets AppArmor profile type %v for the pod", [k8s.resource_label, object.get(profile, "type", "(none)")]), k8s.pod_security_context)
}

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	profile := k8s.security_context(entry.container).appArmorProfile
	is_object(profile)
	not allowed_types[profile.type]
	res := result.new(sprintf("%s sets AppArmor profile type %v", [k8s.describe(entry), object.get(profile, "type", "(none)")]), entry.container)
}

deny contains res if {
	k8s.in_scope
	some key, value in k8s.pod_annotations
	startswith(key, annotation_prefix)
	not allowed_annotation(value)
	res := result.new(sprintf("%s sets AppArmor profile %v for container \"%s\" (annotation %s)", [k8s.resource_label, value, trim_prefix(key, annotation_prefix), key]), k8s.pod_annotations)
}

allowed_annotation(v) if v == ""

allowed_annotation(v) if v == "runtime/default"

allowed_annotation(v) if {
	is_string(v)
	startswith(v, "localhost/")
}
