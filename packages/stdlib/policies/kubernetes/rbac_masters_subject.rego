# METADATA
# title: Binding names the system:masters group
# description: >-
#   A RoleBinding or ClusterRoleBinding has the group system:masters as subject. Members of
#   system:masters bypass RBAC entirely and cannot be restricted or revoked by removing bindings;
#   referencing the group in bindings suggests credentials for it are handed out, which should not
#   happen outside break-glass access.
# custom:
#   id: KC-009
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: >-
#     Remove system:masters from the binding and bind the role to a dedicated group instead; issue
#     no certificates for system:masters beyond the break-glass account.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
#     - https://avd.aquasec.com/misconfig/ksv0123
#   related: [KSV-0123, KYV restrict-binding-system-groups]
#   profiles: [recommended]
package palisade.kubernetes.rbac_masters_subject

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

names := ["system:masters"]

kinds := ["Group"]

allowed_roles := []

deny contains res if {
	b := kubernetes.object
	cluster.is_binding(b)
	not cluster.role_ref_name(b) in allowed_roles
	some s in cluster.subjects_of(b)
	s.name in names
	s.kind in kinds
	msg := sprintf("%s binds %s \"%s\" to %s \"%s\"", [cluster.describe(b), s.kind, s.name, object.get(b.roleRef, "kind", "role"), cluster.role_ref_name(b)])
	res := result.new(msg, s)
}
