package palisade.kubernetes.rbac_workload_write_test

import rego.v1

import data.palisade.kubernetes.rbac_workload_write

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}, "rules": rules}

test_grant_fails if {
	r := rbac_workload_write.deny with input as role([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["create", "patch"]}])
	count(r) == 1
}

test_wildcard_rule_fails if {
	r := rbac_workload_write.deny with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(r) > 0
}

test_namespaced_role_fails if {
	inp := {"kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["create", "patch"]}]}
	count(rbac_workload_write.deny) == 1 with input as inp
}

test_narrow_rule_passes if {
	count(rbac_workload_write.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["deployments", "deployments/scale"], "verbs": ["get", "list", "delete"]}])
}

test_no_rules_passes if {
	count(rbac_workload_write.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "r"}}
}

test_binding_ignored if {
	count(rbac_workload_write.deny) == 0 with input as {"kind": "ClusterRoleBinding", "metadata": {"name": "r"}, "rules": [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["create", "patch"]}]}
}
