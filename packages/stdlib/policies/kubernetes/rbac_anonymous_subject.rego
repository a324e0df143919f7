# METADATA
# title: Binding grants rights to anonymous users
# description: >-
#   A RoleBinding or ClusterRoleBinding has the subject system:anonymous or
#   system:unauthenticated, so anyone who can reach the API server gets the role without
#   credentials. Bindings to roles in rbac_anonymous_allowed_roles (default:
#   system:public-info-viewer, bound this way by Kubernetes itself) are allowed.
# custom:
#   id: KC-007
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: >-
#     Remove system:anonymous and system:unauthenticated from the binding; consider disabling
#     anonymous authentication on the API server.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#     - https://avd.aquasec.com/misconfig/ksv0122
#   related: [KSV-0122, KSEC BindingsToSystemAnonymous, GK disallowanonymous]
#   profiles: [recommended]
package palisade.kubernetes.rbac_anonymous_subject

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

names := ["system:anonymous", "system:unauthenticated"]

kinds := ["User", "Group"]

allowed_roles := config.get("rbac_anonymous_allowed_roles", ["system:public-info-viewer"])

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
