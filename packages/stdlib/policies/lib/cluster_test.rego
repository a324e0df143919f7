package palisade.lib.cluster_test

import rego.v1

import data.palisade.lib.cluster

labels := {"app": "web", "tier": "front"}

test_match_labels if {
	cluster.selector_matches({"matchLabels": {"app": "web"}}, labels)
	not cluster.selector_matches({"matchLabels": {"app": "api"}}, labels)
	not cluster.selector_matches({"matchLabels": {"missing": "x"}}, labels)
}

test_empty_and_null_selectors_match_everything if {
	cluster.selector_matches({}, labels)
	cluster.selector_matches(null, labels)
	cluster.selector_matches({}, {})
	cluster.selector_is_empty({})
	cluster.selector_is_empty(null)
	cluster.selector_is_empty({"matchLabels": {}, "matchExpressions": []})
	not cluster.selector_is_empty({"matchLabels": {"a": "b"}})
}

test_match_expressions if {
	cluster.selector_matches({"matchExpressions": [{"key": "app", "operator": "In", "values": ["web", "api"]}]}, labels)
	not cluster.selector_matches({"matchExpressions": [{"key": "app", "operator": "In", "values": ["api"]}]}, labels)
	cluster.selector_matches({"matchExpressions": [{"key": "app", "operator": "NotIn", "values": ["api"]}]}, labels)
	cluster.selector_matches({"matchExpressions": [{"key": "zone", "operator": "NotIn", "values": ["a"]}]}, labels)
	not cluster.selector_matches({"matchExpressions": [{"key": "app", "operator": "NotIn", "values": ["web"]}]}, labels)
	cluster.selector_matches({"matchExpressions": [{"key": "tier", "operator": "Exists"}]}, labels)
	not cluster.selector_matches({"matchExpressions": [{"key": "zone", "operator": "Exists"}]}, labels)
	cluster.selector_matches({"matchExpressions": [{"key": "zone", "operator": "DoesNotExist"}]}, labels)
	not cluster.selector_matches({"matchExpressions": [{"key": "app", "operator": "DoesNotExist"}]}, labels)
	not cluster.selector_matches({"matchExpressions": [{"key": "app", "operator": "Bogus"}]}, labels)
}

test_match_labels_and_expressions_combined if {
	sel := {"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "tier", "operator": "In", "values": ["back"]}]}
	not cluster.selector_matches(sel, labels)
}

test_map_selector if {
	cluster.map_selector_matches({"app": "web"}, labels)
	not cluster.map_selector_matches({"app": "web", "x": "y"}, labels)
}

test_pod_labels_of_each_kind if {
	cluster.pod_labels_of({"kind": "Pod", "metadata": {"labels": {"a": "1"}}}) == {"a": "1"}
	cluster.pod_labels_of({"kind": "Deployment", "metadata": {"labels": {"x": "y"}}, "spec": {"template": {"metadata": {"labels": {"a": "2"}}}}}) == {"a": "2"}
	cluster.pod_labels_of({"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"labels": {"a": "3"}}}}}}}) == {"a": "3"}
	cluster.pod_labels_of({"kind": "Deployment", "spec": {}}) == {}
	cluster.pod_labels_of({"kind": "Service", "metadata": {"labels": {"a": "1"}}}) == {}
}

test_namespace_defaults if {
	cluster.namespace_of({"metadata": {"namespace": "shop"}}) == "shop"
	cluster.namespace_of({"metadata": {"namespace": ""}}) == "default"
	cluster.namespace_of({"metadata": {}}) == "default"
	cluster.namespace_of({}) == "default"
}

test_policy_types_defaults if {
	cluster.policy_types({"spec": {}}) == {"Ingress"}
	cluster.policy_types({"spec": {"egress": [{}]}}) == {"Ingress", "Egress"}
	cluster.policy_types({"spec": {"egress": []}}) == {"Ingress"}
	cluster.policy_types({"spec": {"policyTypes": ["Egress"]}}) == {"Egress"}
}

np(ns, spec) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p", "namespace": ns}, "spec": spec}

entry(v) := {"path": "x.yaml", "kind": "kubernetes", "index": 0, "value": v}

test_denies_all if {
	cluster.denies_all(np("a", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}), "Ingress")
	cluster.denies_all(np("a", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}), "Egress")
	cluster.denies_all(np("a", {"podSelector": {}}), "Ingress")
	not cluster.denies_all(np("a", {"podSelector": {}}), "Egress")
	not cluster.denies_all(np("a", {"podSelector": {"matchLabels": {"a": "b"}}, "policyTypes": ["Ingress"]}), "Ingress")
	not cluster.denies_all(np("a", {"podSelector": {}, "policyTypes": ["Ingress"], "ingress": [{}]}), "Ingress")
	cluster.denies_all(np("a", {"podSelector": {}, "policyTypes": ["Ingress"], "ingress": []}), "Ingress")
}

test_default_deny_types_by_namespace if {
	inv := [
		entry(np("a", {"podSelector": {}, "policyTypes": ["Ingress"]})),
		entry(np("a", {"podSelector": {}, "policyTypes": ["Egress"]})),
		entry(np("b", {"podSelector": {}, "policyTypes": ["Ingress"]})),
	]
	cluster.default_deny_types("a") == {"Ingress", "Egress"} with data.palisade.inventory as inv
	cluster.default_deny_types("b") == {"Ingress"} with data.palisade.inventory as inv
	cluster.default_deny_types("c") == set() with data.palisade.inventory as inv
}

test_inventory_ignores_other_kinds if {
	inv := [{"path": "Dockerfile", "kind": "dockerfile", "index": 0, "value": {"kind": "NetworkPolicy"}}]
	cluster.objects("NetworkPolicy") == [] with data.palisade.inventory as inv
	cluster.objects("NetworkPolicy") == [] with data.palisade.inventory as null
}

test_is_self_by_document if {
	a := {"path": "a.yaml", "kind": "kubernetes", "index": 0, "value": {"kind": "Ingress"}}
	b := {"path": "a.yaml", "kind": "kubernetes", "index": 1, "value": {"kind": "Ingress"}}
	cluster.other_objects("Ingress") == [{"kind": "Ingress"}] with data.palisade.inventory as [a, b]
		with data.palisade.document as {"path": "a.yaml", "kind": "kubernetes", "index": 0}
}

test_is_self_by_value_without_document if {
	a := entry({"kind": "Ingress", "metadata": {"name": "a"}})
	b := entry({"kind": "Ingress", "metadata": {"name": "b"}})
	cluster.other_objects("Ingress") == [b.value] with data.palisade.inventory as [a, b]
		with input as a.value
}

rule(groups, resources, verbs) := {"apiGroups": groups, "resources": resources, "verbs": verbs}

test_rbac_matching if {
	cluster.matches_resource(rule([""], ["secrets"], ["get"]), "secrets")
	cluster.matches_resource(rule([""], ["*"], ["get"]), "pods/exec")
	cluster.matches_resource(rule([""], ["*/exec"], ["get"]), "pods/exec")
	not cluster.matches_resource(rule([""], ["pods"], ["get"]), "pods/exec")
	cluster.matches_group(rule(["*"], [], []), "apps")
	cluster.matches_group({"resources": ["pods"]}, "")
	not cluster.matches_group({"resources": ["pods"]}, "apps")
	cluster.matches_verb(rule([""], [], ["*"]), "delete")
	not cluster.matches_verb(rule([""], [], ["get"]), "delete")
}

test_grants if {
	role := {"kind": "Role", "rules": [rule([""], ["secrets", "configmaps"], ["get", "list"]), rule(["apps"], ["deployments"], ["get"])]}
	gs := cluster.grants(role, [""], ["secrets"], ["get", "list", "watch"])
	count(gs) == 1
	gs[0].index == 0
	gs[0].verbs == ["get", "list"]
	cluster.describe_grant(gs[0]) == "get, list on secrets"
	cluster.grants(role, [""], ["secrets"], ["delete"]) == []
	cluster.grants({"kind": "Role", "rules": null}, [""], ["secrets"], ["get"]) == []
}

test_referenced_roles if {
	cr := {"kind": "ClusterRole", "metadata": {"name": "viewer"}}
	r1 := {"kind": "Role", "metadata": {"name": "viewer", "namespace": "a"}}
	r2 := {"kind": "Role", "metadata": {"name": "viewer", "namespace": "b"}}
	inv := [entry(cr), entry(r1), entry(r2)]
	crb := {"kind": "ClusterRoleBinding", "roleRef": {"kind": "ClusterRole", "name": "viewer"}}
	rb := {"kind": "RoleBinding", "metadata": {"namespace": "b"}, "roleRef": {"kind": "Role", "name": "viewer"}}
	cluster.referenced_roles(crb) == [cr] with data.palisade.inventory as inv
	cluster.referenced_roles(rb) == [r2] with data.palisade.inventory as inv
	cluster.referenced_roles({"kind": "RoleBinding"}) == [] with data.palisade.inventory as inv
}

test_mesh_enrollment if {
	cluster.istio_enrolled({"metadata": {"labels": {"istio-injection": "enabled"}}})
	cluster.istio_enrolled({"metadata": {"labels": {"istio.io/rev": "1-22"}}})
	cluster.istio_enrolled({"metadata": {"labels": {"istio.io/dataplane-mode": "ambient"}}})
	not cluster.istio_enrolled({"metadata": {"labels": {"istio-injection": "disabled"}}})
	cluster.linkerd_enrolled({"metadata": {"annotations": {"linkerd.io/inject": "enabled"}}})
	not cluster.mesh_enrolled({"metadata": {}})
}

test_mesh_expected if {
	cluster.mesh_expected with data.palisade.inventory as [entry({"apiVersion": "security.istio.io/v1", "kind": "PeerAuthentication"})]
	cluster.mesh_expected with data.palisade.inventory as [entry({"apiVersion": "v1", "kind": "Namespace", "metadata": {"annotations": {"linkerd.io/inject": "enabled"}}})]
	cluster.mesh_expected with data.palisade.inventory as [] with data.palisade.config as {"mesh_required": true}
	not cluster.mesh_expected with data.palisade.inventory as [entry({"apiVersion": "v1", "kind": "Namespace"})]
}

test_exempt_namespace if {
	cluster.exempt_namespace("kube-system")
	not cluster.exempt_namespace("shop")
	cluster.exempt_namespace("shop") with data.palisade.config as {"cluster_exempt_namespaces": ["shop"]}
}

test_allow_all_rule if {
	cluster.allow_all_rule({}, "Ingress")
	cluster.allow_all_rule({"to": []}, "Egress")
	not cluster.allow_all_rule({"ports": [{"port": 80}]}, "Ingress")
	not cluster.allow_all_rule({"from": [{"podSelector": {}}]}, "Ingress")
}

test_result_at if {
	r := cluster.result_at("m", ["spec", "type"]) with input as {"kind": "Service", "spec": {"type": "NodePort"}}
	r == {"msg": "m", "cause": "NodePort", "path": ["spec", "type"]}
}

test_result_at_admission_review if {
	inp := {"kind": "AdmissionReview", "request": {"object": {"kind": "Service", "spec": {"type": "NodePort"}}}}
	r := cluster.result_at("m", ["spec", "type"]) with input as inp
	r.path == ["request", "object", "spec", "type"]
	r.cause == "NodePort"
}
