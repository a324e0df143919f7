package palisade.kubernetes.rbac_cluster_admin_binding_test

import rego.v1

import data.palisade.kubernetes.rbac_cluster_admin_binding

binding(kind, role_kind, role_name, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": role_name},
	"subjects": subjects,
}

sa := {"kind": "ServiceAccount", "name": "ci", "namespace": "ci"}

entry(v) := {"path": "rbac.yaml", "kind": "kubernetes", "index": 0, "value": v}

test_cluster_admin if {
	b := binding("ClusterRoleBinding", "ClusterRole", "cluster-admin", [sa])
	r := rbac_cluster_admin_binding.deny with input as b
	r == {{"msg": "ClusterRoleBinding \"b\" binds the ClusterRole \"cluster-admin\" to ServiceAccount \"ci\"", "cause": b.roleRef}}
}

test_edit_in_rolebinding if {
	count(rbac_cluster_admin_binding.deny) == 1 with input as binding("RoleBinding", "ClusterRole", "edit", [sa])
}

test_view_passes if {
	count(rbac_cluster_admin_binding.deny) == 0 with input as binding("RoleBinding", "ClusterRole", "view", [sa])
}

test_role_named_admin_is_not_the_cluster_role if {
	count(rbac_cluster_admin_binding.deny) == 0 with input as binding("RoleBinding", "Role", "admin", [sa])
}

test_configured_admin_roles if {
	b := binding("RoleBinding", "ClusterRole", "edit", [sa])
	count(rbac_cluster_admin_binding.deny) == 0 with input as b with data.palisade.config as {"rbac_admin_roles": ["cluster-admin"]}
}

test_wildcard_role_resolved_from_inventory if {
	role := {"kind": "ClusterRole", "metadata": {"name": "god"}, "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]}
	b := binding("ClusterRoleBinding", "ClusterRole", "god", [sa])
	r := rbac_cluster_admin_binding.deny with input as b with data.palisade.inventory as [entry(role), entry(b)]
	some x in r
	x.msg == "ClusterRoleBinding \"b\" binds ClusterRole \"god\", which grants every verb on every resource, to ServiceAccount \"ci\""
}

test_namespaced_wildcard_role if {
	role := {"kind": "Role", "metadata": {"name": "god", "namespace": "shop"}, "rules": [{"apiGroups": [""], "resources": ["*"], "verbs": ["*"]}]}
	b := binding("RoleBinding", "Role", "god", [sa])
	count(rbac_cluster_admin_binding.deny) == 1 with input as b with data.palisade.inventory as [entry(role)]
}

test_role_in_other_namespace_not_resolved if {
	role := {"kind": "Role", "metadata": {"name": "god", "namespace": "other"}, "rules": [{"apiGroups": [""], "resources": ["*"], "verbs": ["*"]}]}
	b := binding("RoleBinding", "Role", "god", [sa])
	count(rbac_cluster_admin_binding.deny) == 0 with input as b with data.palisade.inventory as [entry(role)]
}

test_narrow_role_from_inventory_passes if {
	role := {"kind": "ClusterRole", "metadata": {"name": "reader"}, "rules": [{"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}]}
	b := binding("ClusterRoleBinding", "ClusterRole", "reader", [sa])
	count(rbac_cluster_admin_binding.deny) == 0 with input as b with data.palisade.inventory as [entry(role)]
}

test_unknown_role_passes if {
	count(rbac_cluster_admin_binding.deny) == 0 with input as binding("ClusterRoleBinding", "ClusterRole", "custom", [sa]) with data.palisade.inventory as []
}

test_binding_without_subjects if {
	r := rbac_cluster_admin_binding.deny with input as binding("ClusterRoleBinding", "ClusterRole", "cluster-admin", null)
	some x in r
	endswith(x.msg, "to no subjects")
}
