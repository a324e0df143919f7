package palisade.kubernetes.rbac_default_service_account_test

import rego.v1

import data.palisade.kubernetes.rbac_default_service_account

binding(kind, role_kind, role_name, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind,
	"metadata": {"name": "b", "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": role_kind, "name": role_name},
	"subjects": subjects,
}

sa := {"kind": "ServiceAccount", "name": "ci", "namespace": "ci"}

entry(v) := {"path": "rbac.yaml", "kind": "kubernetes", "index": 0, "value": v}

default_sa(extra) := object.union({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": "shop"}}, extra)

test_default_sa_automounts if {
	r := rbac_default_service_account.deny with input as default_sa({})
	some x in r
	x.msg == "ServiceAccount \"default\" in namespace \"shop\" does not set automountServiceAccountToken: false"
}

test_default_sa_explicit_true if {
	count(rbac_default_service_account.deny) == 1 with input as default_sa({"automountServiceAccountToken": true})
}

test_default_sa_opted_out if {
	count(rbac_default_service_account.deny) == 0 with input as default_sa({"automountServiceAccountToken": false})
}

test_other_sa_passes if {
	count(rbac_default_service_account.deny) == 0 with input as {"kind": "ServiceAccount", "metadata": {"name": "app"}}
}

test_binding_to_default_sa if {
	s := {"kind": "ServiceAccount", "name": "default", "namespace": "ci"}
	r := rbac_default_service_account.deny with input as binding("RoleBinding", "Role", "deployer", [sa, s])
	r == {{"msg": "RoleBinding \"b\" grants Role \"deployer\" to the default ServiceAccount of namespace \"ci\"", "cause": s}}
}

test_binding_subject_without_namespace_uses_binding_namespace if {
	r := rbac_default_service_account.deny with input as binding("RoleBinding", "Role", "deployer", [{"kind": "ServiceAccount", "name": "default"}])
	some x in r
	endswith(x.msg, "namespace \"shop\"")
}

test_binding_to_named_sa_passes if {
	count(rbac_default_service_account.deny) == 0 with input as binding("RoleBinding", "Role", "deployer", [sa, {"kind": "User", "name": "default"}])
}
