# METADATA
# title: Binding grants rights to every authenticated user
# description: >-
#   A RoleBinding or ClusterRoleBinding has the group system:authenticated as subject. Every
#   identity the cluster accepts, including every service account and, on managed clusters, any
#   account of the cloud provider that can obtain a token, gets the role. The discovery roles
#   Kubernetes binds this way itself (rbac_authenticated_allowed_roles, default system:basic-user,
#   system:discovery, system:public-info-viewer) are allowed.
# custom:
#   id: KC-008
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: >-
#     Bind the role to the specific users, groups or service accounts that need it.
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#     - https://avd.aquasec.com/misconfig/ksv01011
#   related: [KSV-01011, KYV restrict-binding-system-groups]
#   profiles: [recommended]
package palisade.kubernetes.rbac_authenticated_subject

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

names := ["system:authenticated"]

kinds := ["Group"]

allowed_roles := config.get("rbac_authenticated_allowed_roles", ["system:basic-user", "system:discovery", "system:public-info-viewer"])

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
