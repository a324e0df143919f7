# METADATA
# title: RBAC role can use the nodes/proxy subresource
# description: >-
#   A Role or ClusterRole grants access to nodes/proxy. It reaches the kubelet API of every node
#   directly, bypassing admission control and audit logging, and allows running commands in any
#   pod of the node.
# custom:
#   id: KC-004
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Remove nodes/proxy from the role; monitoring agents can read metrics from nodes/metrics or
#     the metrics API instead.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes
#     - https://avd.aquasec.com/misconfig/ksv047
#   related: [KSV-0047, CKV2_K8S_2, KYV restrict-clusterrole-nodesproxy]
#   profiles: [recommended]
package palisade.kubernetes.rbac_nodes_proxy

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := [""]

resources := ["nodes/proxy"]

verbs := ["get", "create", "update", "patch", "delete"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
