package palisade.kubernetes.rbac_escalation_verbs_test

import rego.v1

import data.palisade.kubernetes.rbac_escalation_verbs

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}, "rules": rules}

test_grant_fails if {
	r := rbac_escalation_verbs.deny with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["escalate", "bind"]}])
	count(r) == 1
}

test_wildcard_rule_fails if {
	r := rbac_escalation_verbs.deny with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	count(r) > 0
}

test_namespaced_role_fails if {
	inp := {"kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["escalate", "bind"]}]}
	count(rbac_escalation_verbs.deny) == 1 with input as inp
}

test_narrow_rule_passes if {
	count(rbac_escalation_verbs.deny) == 0 with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"], "verbs": ["get", "create"]}])
}

test_no_rules_passes if {
	count(rbac_escalation_verbs.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "r"}}
}

test_binding_ignored if {
	count(rbac_escalation_verbs.deny) == 0 with input as {"kind": "ClusterRoleBinding", "metadata": {"name": "r"}, "rules": [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["escalate", "bind"]}]}
}

test_impersonate if {
	r := rbac_escalation_verbs.deny with input as role([{"apiGroups": [""], "resources": ["users", "groups"], "verbs": ["impersonate"]}])
	r == {{"msg": "ClusterRole \"r\" grants impersonate on groups, users", "cause": {"apiGroups": [""], "resources": ["users", "groups"], "verbs": ["impersonate"]}}}
}

test_impersonate_user_extras if {
	count(rbac_escalation_verbs.deny) == 1 with input as role([{"apiGroups": ["authentication.k8s.io"], "resources": ["userextras/scopes"], "verbs": ["impersonate"]}])
	count(rbac_escalation_verbs.deny) == 1 with input as role([{"apiGroups": ["authentication.k8s.io"], "resources": ["uids"], "verbs": ["*"]}])
}

test_bind_on_rolebindings_is_not_escalation if {
	count(rbac_escalation_verbs.deny) == 0 with input as role([{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["create"]}])
}
