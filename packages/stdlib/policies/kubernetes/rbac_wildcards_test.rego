package palisade.kubernetes.rbac_wildcards_test

import rego.v1

import data.palisade.kubernetes.rbac_wildcards

role(rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}, "rules": rules}

test_wildcard_verbs if {
	r := rbac_wildcards.deny with input as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["*"]}])
	r == {{"msg": "ClusterRole \"r\" rule 0 grants \"*\" in verbs", "cause": ["*"]}}
}

test_wildcard_resources if {
	r := rbac_wildcards.deny with input as role([{"apiGroups": [""], "resources": ["*"], "verbs": ["get"]}])
	count(r) == 1
	some x in r
	contains(x.msg, "in resources")
}

test_wildcard_api_groups_in_namespaced_role if {
	inp := {"kind": "Role", "metadata": {"name": "r", "namespace": "a"}, "rules": [{"apiGroups": ["*"], "resources": ["pods"], "verbs": ["get"]}]}
	r := rbac_wildcards.deny with input as inp
	count(r) == 1
	some x in r
	x.msg == "Role \"r\" rule 0 grants \"*\" in apiGroups"
}

test_all_three_wildcards if {
	count(rbac_wildcards.deny) == 3 with input as role([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
}

test_explicit_rules_pass if {
	count(rbac_wildcards.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list"]}])
}

test_subresource_wildcard_is_not_flagged if {
	count(rbac_wildcards.deny) == 0 with input as role([{"apiGroups": ["apps"], "resources": ["*/scale"], "verbs": ["get"]}])
}

test_missing_or_null_rules if {
	count(rbac_wildcards.deny) == 0 with input as {"kind": "ClusterRole", "metadata": {"name": "agg"}, "aggregationRule": {}}
	count(rbac_wildcards.deny) == 0 with input as role(null)
}

test_other_kinds_ignored if {
	count(rbac_wildcards.deny) == 0 with input as {"kind": "ConfigMap", "rules": [{"verbs": ["*"]}]}
}
