package palisade.kubernetes.rbac_admission_webhooks_test

import rego.v1

import data.palisade.kubernetes.rbac_admission_webhooks

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}, "rules": rules}

test_grant_fails if {
	r := rbac_admission_webhooks.deny with input as role([{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "verbs": ["patch"]}])
	count(r) == 1
}

test_wildcard_rule_fails if {
	r := rbac_admission_webhooks.deny with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(r) > 0
}

test_namespaced_role_fails if {
	inp := {"kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": [{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "verbs": ["patch"]}]}
	count(rbac_admission_webhooks.deny) == 1 with input as inp
}

test_narrow_rule_passes if {
	count(rbac_admission_webhooks.deny) == 0 with input as role([{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], "verbs": ["get", "list", "watch"]}])
}

test_no_rules_passes if {
	count(rbac_admission_webhooks.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "r"}}
}

test_binding_ignored if {
	count(rbac_admission_webhooks.deny) == 0 with input as {"kind": "ClusterRoleBinding", "metadata": {"name": "r"}, "rules": [{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "verbs": ["patch"]}]}
}
