# METADATA
# title: Long-lived service account token Secret
# description: >-
#   A Secret of type kubernetes.io/service-account-token. The token controller fills it with a
#   service account token that never expires and stays valid until the Secret is deleted; it can
#   be read by anyone who can read Secrets in the namespace.
# custom:
#   id: KC-041
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Use short-lived tokens from the TokenRequest API (projected service account token volumes,
#     kubectl create token) instead of token Secrets.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/secret/#serviceaccount-token-secrets
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#manually-create-an-api-token-for-a-serviceaccount
#   related: [KYV deny-secret-service-account-token-type]
#   profiles: [recommended]
package palisade.kubernetes.secret_sa_token

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	secret := kubernetes.object
	secret.kind == "Secret"
	secret.type == "kubernetes.io/service-account-token"
	sa := object.get(cluster.annotations_of(secret), "kubernetes.io/service-account.name", "")
	msg := sprintf("Secret \"%s\" is a long-lived token for ServiceAccount \"%s\"", [cluster.name_of(secret), sa])
	res := cluster.result_at(msg, ["type"])
}
