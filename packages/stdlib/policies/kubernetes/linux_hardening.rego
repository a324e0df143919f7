# METADATA
# title: Container without Linux hardening
# description: >-
#   A container uses none of the Linux hardening mechanisms: no seccomp profile, no AppArmor
#   profile, no SELinux options and no dropped capabilities.
# custom:
#   id: KW-030
#   severity: LOW
#   input: [kubernetes]
#   remediation: Configure at least a RuntimeDefault seccomp profile and drop ALL capabilities.
#   references:
#     - https://kubernetes.io/docs/concepts/security/linux-kernel-security-constraints/
#     - https://polaris.docs.fairwinds.com/checks/security/
#   related: [polaris:linuxHardening]
#   profiles: []
package palisade.kubernetes.linux_hardening

import rego.v1

import data.palisade.lib.kubernetes as k8s

hardened(entry) if k8s.effective(entry.container, "seccompProfile").type in {"RuntimeDefault", "Localhost"}

hardened(entry) if k8s.effective(entry.container, "appArmorProfile").type in {"RuntimeDefault", "Localhost"}

hardened(entry) if {
	v := k8s.pod_annotations[concat("", ["container.apparmor.security.beta.kubernetes.io/", entry.name])]
	v != "unconfined"
	v != ""
}

hardened(entry) if {
	opts := k8s.effective(entry.container, "seLinuxOptions")
	is_object(opts)
	count(opts) > 0
}

hardened(entry) if count(k8s.dropped_capabilities(entry.container)) > 0

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	entry.kind != "ephemeralContainers"
	not hardened(entry)
	res := result.new(sprintf("%s has no seccomp, AppArmor or SELinux profile and drops no capabilities", [k8s.describe(entry)]), entry.container)
}
