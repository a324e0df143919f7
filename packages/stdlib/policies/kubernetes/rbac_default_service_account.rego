# METADATA
# title: Default service account is bound or automounts its token
# description: >-
#   The default ServiceAccount of a namespace is used by every pod that does not name another one.
#   When it keeps automountServiceAccountToken enabled, every such pod gets an API token; when a
#   RoleBinding or ClusterRoleBinding grants it permissions, every such pod gets those
#   permissions. Fires on a ServiceAccount named default without automountServiceAccountToken:
#   false, and on each binding subject naming a default ServiceAccount.
# custom:
#   id: KC-016
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Set automountServiceAccountToken: false on the default ServiceAccount, give workloads their
#     own ServiceAccounts, and bind roles to those.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#     - https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
#   related: [CKV_K8S_41, CKV_K8S_42, CIS-K8s 5.1.5]
#   profiles: [recommended]
package palisade.kubernetes.rbac_default_service_account

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	sa := kubernetes.object
	sa.kind == "ServiceAccount"
	cluster.name_of(sa) == "default"
	not sa.automountServiceAccountToken == false
	msg := sprintf("ServiceAccount \"default\" in namespace \"%s\" does not set automountServiceAccountToken: false", [cluster.namespace_of(sa)])
	res := result.new(msg, sa)
}

deny contains res if {
	b := kubernetes.object
	cluster.is_binding(b)
	some s in cluster.subjects_of(b)
	s.kind == "ServiceAccount"
	s.name == "default"
	msg := sprintf("%s grants %s \"%s\" to the default ServiceAccount of namespace \"%s\"", [cluster.describe(b), object.get(b.roleRef, "kind", "role"), cluster.role_ref_name(b), subject_namespace(b, s)])
	res := result.new(msg, s)
}

subject_namespace(b, s) := s.namespace if {
	is_string(s.namespace)
	s.namespace != ""
} else := cluster.namespace_of(b)
