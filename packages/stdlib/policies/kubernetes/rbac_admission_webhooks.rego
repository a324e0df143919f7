# METADATA
# title: RBAC role can change admission webhooks or policies
# description: >-
#   A Role or ClusterRole can create, update, patch or delete mutating/validating webhook
#   configurations or validating/mutating admission policies. The holder can switch off the
#   cluster admission controls or route every object to a webhook it controls, which can read and
#   rewrite them (Secrets included).
# custom:
#   id: KC-010
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: >-
#     Limit write access to admissionregistration.k8s.io resources to the cluster administrators
#     and the controllers that own specific webhooks (use resourceNames).
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks
#     - https://avd.aquasec.com/misconfig/ksv114
#   related: [KSV-0114, CKV_K8S_155, KYV restrict-clusterrole-mutating-validating-admission-webhooks]
#   profiles: [recommended]
package palisade.kubernetes.rbac_admission_webhooks

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := ["admissionregistration.k8s.io"]

resources := ["mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings"]

verbs := ["create", "update", "patch", "delete", "deletecollection"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
