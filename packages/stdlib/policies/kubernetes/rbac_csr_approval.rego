# METADATA
# title: RBAC role can approve certificate signing requests
# description: >-
#   A Role or ClusterRole can update the certificatesigningrequests/approval subresource.
#   Approving CSRs lets the holder obtain client certificates for any identity the signer issues,
#   for instance a node or a member of system:masters.
# custom:
#   id: KC-011
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Keep CSR approval with the cluster administrators and the built-in approvers; if a
#     controller needs it, restrict the signers it may approve for (approve on signers with
#     resourceNames).
#   references:
#     - https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#csrs-and-certificate-issuing
#   related: [CKV_K8S_156, KYV restrict-clusterrole-csr]
#   profiles: [recommended]
package palisade.kubernetes.rbac_csr_approval

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := ["certificates.k8s.io"]

resources := ["certificatesigningrequests/approval"]

verbs := ["update", "patch"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
