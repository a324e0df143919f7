package palisade.kubernetes.rbac_csr_approval_test

import rego.v1

import data.palisade.kubernetes.rbac_csr_approval

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}, "rules": rules}

test_grant_fails if {
	r := rbac_csr_approval.deny with input as role([{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}])
	count(r) == 1
}

test_wildcard_rule_fails if {
	r := rbac_csr_approval.deny with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(r) > 0
}

test_namespaced_role_fails if {
	inp := {"kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": [{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}]}
	count(rbac_csr_approval.deny) == 1 with input as inp
}

test_narrow_rule_passes if {
	count(rbac_csr_approval.deny) == 0 with input as role([{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests"], "verbs": ["create", "get"]}])
}

test_no_rules_passes if {
	count(rbac_csr_approval.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "r"}}
}

test_binding_ignored if {
	count(rbac_csr_approval.deny) == 0 with input as {"kind": "ClusterRoleBinding", "metadata": {"name": "r"}, "rules": [{"apiGroups": ["certificates.k8s.io"], "resources": ["certificatesigningrequests/approval"], "verbs": ["update"]}]}
}
