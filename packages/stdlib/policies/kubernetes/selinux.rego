# METADATA
# title: Custom SELinux options
# description: >-
#   The pod or a container sets an SELinux type outside the container types the Pod Security
#   Standards allow, or sets an SELinux user or role, which can lift the container out of its
#   SELinux confinement.
# custom:
#   id: KW-023
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Remove `seLinuxOptions.user` and `.role`; use type container_t, container_init_t, container_kvm_t or container_engine_t (PSS v1.31+), or leave it unset.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container
#     - https://avd.aquasec.com/misconfig/ksv025
#   related: [KSV-0025, PSS-B:seLinuxOptions]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.selinux

import rego.v1

import data.palisade.lib.kubernetes as k8s

allowed_types := {"", "container_t", "container_init_t", "container_kvm_t"} if {
	not k8s.pss_at_least(31)
} else := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

# problems(opts): what is wrong with one seLinuxOptions object.
problems(opts) := {p | some p in [bad_type(opts), bad_field(opts, "user"), bad_field(opts, "role")]; p != ""}

bad_type(opts) := sprintf("type %v", [opts.type]) if {
	t := object.get(opts, "type", "")
	t != null
	not allowed_types[t]
} else := ""

bad_field(opts, field) := sprintf("%s %v", [field, opts[field]]) if {
	not object.get(opts, field, "") in {"", null}
} else := ""

deny contains res if {
	k8s.in_scope
	opts := k8s.pod_security_context.seLinuxOptions
	is_object(opts)
	p := problems(opts)
	count(p) > 0
	res := result.new(sprintf("%s sets forbidden SELinux options for the pod: %s", [k8s.resource_label, concat(", ", sort(p))]), k8s.pod_security_context)
}

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	opts := k8s.security_context(entry.container).seLinuxOptions
	is_object(opts)
	p := problems(opts)
	count(p) > 0
	res := result.new(sprintf("%s sets forbidden SELinux options: %s", [k8s.describe(entry), concat(", ", sort(p))]), entry.container)
}
