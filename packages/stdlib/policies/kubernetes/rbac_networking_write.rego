# METADATA
# title: RBAC role can change networking resources
# description: >-
#   A Role or ClusterRole can create, update, patch or delete Services, Endpoints, EndpointSlices,
#   Ingresses, NetworkPolicies or services/status. The holder can redirect traffic meant for other
#   workloads to its own pods or to external addresses (for example by editing Endpoints,
#   CVE-2021-25740), or remove network isolation.
# custom:
#   id: KC-013
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Keep write access to networking resources with the platform team and the controllers that
#     own them; application roles rarely need it.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#write-access-for-endpoints
#     - https://avd.aquasec.com/misconfig/ksv056
#   related: [KSV-0056, CKV2_K8S_4, KYV restrict-edit-for-endpoints]
#   profiles: [recommended]
package palisade.kubernetes.rbac_networking_write

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := ["", "networking.k8s.io", "discovery.k8s.io"]

resources := ["services", "services/status", "endpoints", "endpointslices", "ingresses", "networkpolicies"]

verbs := ["create", "update", "patch", "delete", "deletecollection"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
