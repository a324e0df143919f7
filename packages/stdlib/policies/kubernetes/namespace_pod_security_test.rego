package palisade.kubernetes.namespace_pod_security_test

import rego.v1

import data.palisade.kubernetes.namespace_pod_security

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

namespace(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

deployment(name, ns, replicas, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": name, "namespace": ns},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

test_missing_label if {
	r := namespace_pod_security.deny with input as namespace("shop", {"team": "a"})
	r == {{"msg": "Namespace \"shop\" has no pod-security.kubernetes.io/enforce label", "cause": null, "path": ["metadata", "labels", "pod-security.kubernetes.io/enforce"]}}
	count(namespace_pod_security.deny) == 1 with input as {"kind": "Namespace", "metadata": {"name": "x"}}
}

test_privileged_level if {
	r := namespace_pod_security.deny with input as namespace("shop", {"pod-security.kubernetes.io/enforce": "privileged"})
	some x in r
	x.msg == "Namespace \"shop\" enforces the Pod Security level \"privileged\", below baseline"
}

test_unknown_level if {
	count(namespace_pod_security.deny) == 1 with input as namespace("shop", {"pod-security.kubernetes.io/enforce": "Baseline"})
}

test_baseline_and_restricted_pass if {
	count(namespace_pod_security.deny) == 0 with input as namespace("shop", {"pod-security.kubernetes.io/enforce": "baseline"})
	count(namespace_pod_security.deny) == 0 with input as namespace("shop", {"pod-security.kubernetes.io/enforce": "restricted"})
}

test_minimum_restricted if {
	count(namespace_pod_security.deny) == 1 with input as namespace("shop", {"pod-security.kubernetes.io/enforce": "baseline"})
		with data.palisade.config as {"namespace_psa_minimum_level": "restricted"}
}

test_warn_label_is_not_enforce if {
	count(namespace_pod_security.deny) == 1 with input as namespace("shop", {"pod-security.kubernetes.io/warn": "restricted"})
}

test_exempt if {
	count(namespace_pod_security.deny) == 0 with input as namespace("kube-system", {})
}
