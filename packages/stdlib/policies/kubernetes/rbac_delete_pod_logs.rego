# METADATA
# title: RBAC role can delete pod logs
# description: >-
#   A Role or ClusterRole grants delete or deletecollection on pods/log. Deleting logs lets an
#   attacker hide their tracks.
# custom:
#   id: KC-015
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Remove delete and deletecollection on pods/log; read access (get) is enough to view logs.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#     - https://avd.aquasec.com/misconfig/ksv042
#   related: [KSV-0042]
#   profiles: [recommended]
package palisade.kubernetes.rbac_delete_pod_logs

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := [""]

resources := ["pods/log"]

verbs := ["delete", "deletecollection"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
