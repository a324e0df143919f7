package palisade.kubernetes.rbac_configmap_write_test

import rego.v1

import data.palisade.kubernetes.rbac_configmap_write

role(kind, ns, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": "r", "namespace": ns}, "rules": rules}

write := {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["update", "patch"]}

test_namespaced_write if {
	r := rbac_configmap_write.deny with input as role("Role", "shop", [write])
	r == {{"msg": "Role \"r\" grants patch, update on configmaps", "cause": write}}
}

test_kube_system_role_mentions_aws_auth if {
	r := rbac_configmap_write.deny with input as role("Role", "kube-system", [write])
	some x in r
	contains(x.msg, "aws-auth")
}

test_cluster_role_mentions_aws_auth if {
	r := rbac_configmap_write.deny with input as role("ClusterRole", null, [write])
	some x in r
	contains(x.msg, "aws-auth")
}

test_resource_names_other_than_aws_auth if {
	rule := object.union(write, {"resourceNames": ["feature-flags"]})
	r := rbac_configmap_write.deny with input as role("Role", "kube-system", [rule])
	count(r) == 1
	some x in r
	not contains(x.msg, "aws-auth")
}

test_resource_names_aws_auth if {
	rule := object.union(write, {"resourceNames": ["aws-auth"]})
	r := rbac_configmap_write.deny with input as role("Role", "kube-system", [rule])
	some x in r
	contains(x.msg, "aws-auth")
}

test_read_only_passes if {
	count(rbac_configmap_write.deny) == 0 with input as role("Role", "shop", [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}])
}

test_wildcard_fails if {
	count(rbac_configmap_write.deny) == 1 with input as role("ClusterRole", null, [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
}
