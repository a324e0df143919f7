# METADATA
# title: RBAC rule uses wildcards
# description: >-
#   A Role or ClusterRole rule lists "*" in apiGroups, resources or verbs. Wildcards grant every
#   current and future resource or verb, including ones added later by CRDs, so the role is far
#   broader than what was reviewed.
# custom:
#   id: KC-001
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: >-
#     List the exact apiGroups, resources and verbs the subject needs instead of "*".
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
#     - https://avd.aquasec.com/misconfig/ksv044
#     - https://avd.aquasec.com/misconfig/ksv045
#     - https://avd.aquasec.com/misconfig/ksv046
#   related: [KSV-0044, KSV-0045, KSV-0046, KSV-0112, CKV_K8S_49, CIS-K8s 5.1.3, KYV restrict-wildcard-verbs, KYV restrict-wildcard-resources]
#   profiles: [recommended]
package palisade.kubernetes.rbac_wildcards

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some i, rule in cluster.rules_of(role)
	some field in ["apiGroups", "resources", "verbs"]
	"*" in cluster.string_items(rule, field)
	msg := sprintf("%s rule %d grants \"*\" in %s", [cluster.describe(role), i, field])
	res := result.new(msg, rule[field])
}
