package palisade.kubernetes.secret_sa_token_test

import rego.v1

import data.palisade.kubernetes.secret_sa_token

test_token_secret if {
	s := {"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token", "metadata": {"name": "ci-token", "annotations": {"kubernetes.io/service-account.name": "ci"}}}
	r := secret_sa_token.deny with input as s
	r == {{"msg": "Secret \"ci-token\" is a long-lived token for ServiceAccount \"ci\"", "cause": "kubernetes.io/service-account-token", "path": ["type"]}}
}

test_token_secret_without_annotation if {
	count(secret_sa_token.deny) == 1 with input as {"kind": "Secret", "type": "kubernetes.io/service-account-token", "metadata": {"name": "t"}}
}

test_other_secrets_pass if {
	count(secret_sa_token.deny) == 0 with input as {"kind": "Secret", "type": "Opaque", "metadata": {"name": "t"}}
	count(secret_sa_token.deny) == 0 with input as {"kind": "Secret", "metadata": {"name": "t"}}
}
