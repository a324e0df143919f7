package palisade.kubernetes.rbac_masters_subject_test

import rego.v1

import data.palisade.kubernetes.rbac_masters_subject

binding(kind, role_kind, role_name, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": role_name},
	"subjects": subjects,
}

sa := {"kind": "ServiceAccount", "name": "ci", "namespace": "ci"}

entry(v) := {"path": "rbac.yaml", "kind": "kubernetes", "index": 0, "value": v}

subject := {"kind": "Group", "name": "system:masters", "apiGroup": "rbac.authorization.k8s.io"}

test_subject_fails if {
	b := binding("ClusterRoleBinding", "ClusterRole", "view", [sa, subject])
	r := rbac_masters_subject.deny with input as b
	r == {{"msg": sprintf("ClusterRoleBinding \"b\" binds %s \"%s\" to ClusterRole \"view\"", [subject.kind, subject.name]), "cause": subject}}
}

test_rolebinding_fails if {
	count(rbac_masters_subject.deny) == 1 with input as binding("RoleBinding", "Role", "reader", [subject])
}

test_other_subjects_pass if {
	count(rbac_masters_subject.deny) == 0 with input as binding("ClusterRoleBinding", "ClusterRole", "view", [sa, {"kind": "Group", "name": "developers"}])
}

test_no_subjects_pass if {
	count(rbac_masters_subject.deny) == 0 with input as binding("ClusterRoleBinding", "ClusterRole", "view", null)
}

test_roles_are_ignored if {
	count(rbac_masters_subject.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "x"}, "subjects": [subject]}
}
