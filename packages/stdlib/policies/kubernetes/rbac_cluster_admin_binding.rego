# METADATA
# title: Binding grants an administrator role
# description: >-
#   A RoleBinding or ClusterRoleBinding references cluster-admin, admin or edit (configurable:
#   rbac_admin_roles), or a Role/ClusterRole found in the scan that grants every verb on every
#   resource. Its subjects get (namespace or cluster) administrator rights, usually far more than
#   they need.
# custom:
#   id: KC-006
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Bind a role listing only the permissions the subjects need; keep cluster-admin for
#     break-glass accounts.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
#     - https://avd.aquasec.com/misconfig/ksv111
#   related: [KSV-0111, POL clusterrolebindingClusterAdmin, POL rolebindingClusterAdminClusterRole, POL rolebindingClusterAdminRole, CIS-K8s 5.1.1, KYV restrict-binding-clusteradmin]
#   profiles: [recommended]
package palisade.kubernetes.rbac_cluster_admin_binding

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

admin_roles := config.get("rbac_admin_roles", ["cluster-admin", "admin", "edit"])

deny contains res if {
	b := kubernetes.object
	cluster.is_binding(b)
	b.roleRef.kind == "ClusterRole"
	b.roleRef.name in admin_roles
	msg := sprintf("%s binds the ClusterRole \"%s\" to %s", [cluster.describe(b), b.roleRef.name, subjects(b)])
	res := result.new(msg, b.roleRef)
}

deny contains res if {
	b := kubernetes.object
	cluster.is_binding(b)
	not admin_reference(b)
	some role in cluster.referenced_roles(b)
	some rule in cluster.rules_of(role)
	"*" in cluster.string_items(rule, "verbs")
	"*" in cluster.string_items(rule, "resources")
	msg := sprintf("%s binds %s, which grants every verb on every resource, to %s", [cluster.describe(b), cluster.describe(role), subjects(b)])
	res := result.new(msg, b.roleRef)
}

admin_reference(b) if {
	b.roleRef.kind == "ClusterRole"
	b.roleRef.name in admin_roles
}

subjects(b) := "no subjects" if {
	count(cluster.subjects_of(b)) == 0
} else := concat(", ", [sprintf("%v \"%v\"", [object.get(s, "kind", ""), object.get(s, "name", "")]) | some s in cluster.subjects_of(b)])
