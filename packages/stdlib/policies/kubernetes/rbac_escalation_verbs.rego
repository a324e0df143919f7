# METADATA
# title: RBAC role can escalate, bind or impersonate
# description: >-
#   A Role or ClusterRole grants escalate or bind on roles/clusterroles, or impersonate on users,
#   groups, service accounts, uids or user extras. These verbs let the holder obtain permissions
#   it does not have: create or bind roles beyond its own rights, or act as another identity.
# custom:
#   id: KC-005
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: >-
#     Reserve escalate, bind and impersonate for cluster administrators; let RBAC managers bind
#     only pre-approved roles (bind with resourceNames).
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#bind-verb
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#impersonate-verb
#     - https://avd.aquasec.com/misconfig/ksv043
#     - https://avd.aquasec.com/misconfig/ksv050
#   related: [KSV-0043, KSV-0050, KSV-0051, KSV-0052, CKV_K8S_157, CKV_K8S_158, CKV2_K8S_3, CIS-K8s 5.1.8, KYV restrict-escalation-verbs-roles]
#   profiles: [recommended]
package palisade.kubernetes.rbac_escalation_verbs

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in escalation_grants(role)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}

escalation_grants(role) := array.concat(
	cluster.grants(role, ["rbac.authorization.k8s.io"], ["roles", "clusterroles"], ["escalate", "bind"]),
	cluster.grants(role, ["", "authentication.k8s.io"], impersonation_resources(role), ["impersonate"]),
)

# userextras have one subresource per extra key; match them through the rule's own names.
impersonation_resources(role) := array.concat(["users", "groups", "serviceaccounts", "uids", "userextras"], extras) if {
	extras := sort({r | some rule in cluster.rules_of(role); some r in cluster.string_items(rule, "resources"); startswith(r, "userextras/")})
}
