# METADATA
# title: RBAC role can exec or attach into pods
# description: >-
#   A Role or ClusterRole grants create (or get, used by the WebSocket protocol) on pods/exec or
#   pods/attach. Whoever holds it can run commands inside any container of its scope and read
#   everything that container can: mounted Secrets, tokens and data.
# custom:
#   id: KC-003
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Remove pods/exec and pods/attach from roles used by applications and CI; give interactive
#     access through short-lived, audited break-glass roles.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources
#     - https://avd.aquasec.com/misconfig/ksv053
#     - https://avd.aquasec.com/misconfig/ksv054
#   related: [KSV-0053, KSV-0054, POL clusterrolePodExecAttach, POL rolePodExecAttach, CKV2_K8S_2]
#   profiles: [recommended]
package palisade.kubernetes.rbac_pod_exec_attach

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := [""]

resources := ["pods/exec", "pods/attach"]

verbs := ["create", "get"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
