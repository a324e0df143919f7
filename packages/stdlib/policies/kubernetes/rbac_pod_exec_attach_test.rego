package palisade.kubernetes.rbac_pod_exec_attach_test

import rego.v1

import data.palisade.kubernetes.rbac_pod_exec_attach

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}, "rules": rules}

test_grant_fails if {
	r := rbac_pod_exec_attach.deny with input as role([{"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}])
	count(r) == 1
}

test_wildcard_rule_fails if {
	r := rbac_pod_exec_attach.deny with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(r) > 0
}

test_namespaced_role_fails if {
	inp := {"kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": [{"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}]}
	count(rbac_pod_exec_attach.deny) == 1 with input as inp
}

test_narrow_rule_passes if {
	count(rbac_pod_exec_attach.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "create"]}])
}

test_no_rules_passes if {
	count(rbac_pod_exec_attach.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "r"}}
}

test_binding_ignored if {
	count(rbac_pod_exec_attach.deny) == 0 with input as {"kind": "ClusterRoleBinding", "metadata": {"name": "r"}, "rules": [{"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}]}
}

test_subresource_wildcard if {
	r := rbac_pod_exec_attach.deny with input as role([{"apiGroups": [""], "resources": ["*/attach"], "verbs": ["get"]}])
	some x in r
	x.msg == "ClusterRole \"r\" grants get on pods/attach"
}
