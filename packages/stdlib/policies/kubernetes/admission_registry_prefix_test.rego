package palisade.kubernetes.admission_registry_prefix_test

import rego.v1

import data.palisade.kubernetes.admission_registry_prefix

constraint(repos) := {"apiVersion": "constraints.gatekeeper.sh/v1beta1", "kind": "K8sAllowedRepos", "metadata": {"name": "repos"}, "spec": {"parameters": {"repos": repos}}}

kyverno(image) := {
	"apiVersion": "kyverno.io/v1", "kind": "ClusterPolicy", "metadata": {"name": "registries"},
	"spec": {"rules": [{"name": "r", "validate": {"pattern": {"spec": {"containers": [{"image": image}]}}}}]},
}

test_gatekeeper_open_prefix if {
	r := admission_registry_prefix.deny with input as constraint(["registry.example.com/", "registry.example.com"])
	r == {{"msg": "K8sAllowedRepos \"repos\" allows the open-ended prefix \"registry.example.com\"", "cause": "registry.example.com", "path": ["spec", "parameters", "repos", 1]}}
}

test_gatekeeper_empty_prefix if {
	count(admission_registry_prefix.deny) == 1 with input as constraint([""])
}

test_gatekeeper_closed_prefixes_pass if {
	count(admission_registry_prefix.deny) == 0 with input as constraint(["registry.example.com/", "ghcr.io/acme/"])
	count(admission_registry_prefix.deny) == 0 with input as constraint(null)
}

test_kyverno_open_pattern if {
	r := admission_registry_prefix.deny with input as kyverno("registry.example.com*")
	r == {{"msg": "ClusterPolicy \"registries\" allows images matching the open-ended pattern \"registry.example.com*\"", "cause": "registry.example.com*", "path": ["spec", "rules", 0, "validate", "pattern", "spec", "containers", 0, "image"]}}
}

test_kyverno_alternatives_and_anchors if {
	p := json.patch(kyverno("x"), [{"op": "replace", "path": "/spec/rules/0/validate/pattern/spec/containers/0", "value": {"=(image)": "ghcr.io/* | *"}}])
	r := admission_registry_prefix.deny with input as p
	count(r) == 1
	some x in r
	endswith(x.msg, "pattern \"*\"")
}

test_kyverno_closed_patterns_pass if {
	count(admission_registry_prefix.deny) == 0 with input as kyverno("registry.example.com/*")
	count(admission_registry_prefix.deny) == 0 with input as kyverno("registry.example.com/app:1.0")
	count(admission_registry_prefix.deny) == 0 with input as kyverno("!docker.io*")
}

test_other_kinds_ignored if {
	count(admission_registry_prefix.deny) == 0 with input as {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "spec": {"image": "*"}}
}
