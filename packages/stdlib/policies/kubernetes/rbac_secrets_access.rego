# METADATA
# title: RBAC role can read Secrets
# description: >-
#   A Role or ClusterRole grants get, list or watch on secrets. Reading Secrets exposes every
#   credential of the namespace (or the cluster), including service account tokens that can be
#   used to escalate privileges; list and watch return the Secret contents too.
# custom:
#   id: KC-002
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Grant access to Secrets only to the controllers that need it, limit it with resourceNames,
#     and prefer mounting Secrets into pods over reading them through the API.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets
#     - https://avd.aquasec.com/misconfig/ksv041
#     - https://avd.aquasec.com/misconfig/ksv113
#   related: [KSV-0041, KSV-0113, CKV2_K8S_5, CIS-K8s 5.1.2, KYV restrict-secret-role-verbs]
#   profiles: [recommended]
package palisade.kubernetes.rbac_secrets_access

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := [""]

resources := ["secrets"]

verbs := ["get", "list", "watch"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
