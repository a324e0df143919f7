package palisade.kubernetes.rbac_secrets_access_test

import rego.v1

import data.palisade.kubernetes.rbac_secrets_access

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}, "rules": rules}

test_grant_fails if {
	r := rbac_secrets_access.deny with input as role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}])
	count(r) == 1
}

test_wildcard_rule_fails if {
	r := rbac_secrets_access.deny with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(r) > 0
}

test_namespaced_role_fails if {
	inp := {"kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}]}
	count(rbac_secrets_access.deny) == 1 with input as inp
}

test_narrow_rule_passes if {
	count(rbac_secrets_access.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["create"]}])
}

test_no_rules_passes if {
	count(rbac_secrets_access.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "r"}}
}

test_binding_ignored if {
	count(rbac_secrets_access.deny) == 0 with input as {"kind": "ClusterRoleBinding", "metadata": {"name": "r"}, "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}]}
}

test_message_names_verbs if {
	r := rbac_secrets_access.deny with input as role([{"apiGroups": [""], "resources": ["secrets"], "verbs": ["watch", "list"]}])
	some x in r
	x.msg == "ClusterRole \"r\" grants list, watch on secrets"
}

test_missing_api_groups_means_core if {
	count(rbac_secrets_access.deny) == 1 with input as role([{"resources": ["secrets"], "verbs": ["get"]}])
	count(rbac_secrets_access.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["secrets"], "verbs": ["get"]}])
}
