package palisade.supplychain.deprecated_registry_test

import rego.v1

import data.palisade.supplychain.deprecated_registry as p

pod(image) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dns"}, "spec": {"containers": [{"name": "c", "image": image}]}}

test_kubernetes_k8s_gcr_fails if {
	[r] := [r | some r in p.deny] with input as pod("k8s.gcr.io/coredns/coredns:v1.8.6")
	r.msg == "Pod \"dns\": container \"c\" uses image k8s.gcr.io/coredns/coredns:v1.8.6 from the deprecated registry k8s.gcr.io"
	r.path == ["spec", "containers", 0, "image"]
	count(p.deny) == 0 with input as pod("registry.k8s.io/coredns/coredns:v1.8.6")
}

test_compose_github_packages_fails if {
	count(p.deny) == 1 with input as {"services": {"a": {"image": "docker.pkg.github.com/acme/app/app:1"}}}
	count(p.deny) == 0 with input as {"services": {"a": {"image": "ghcr.io/acme/app:1"}}}
}

test_dockerfile_from if {
	cmd := {"Cmd": "from", "Value": ["--platform=linux/amd64", "k8s.gcr.io/pause:3.2", "AS", "base"], "StartLine": 1}
	[r] := [r | some r in p.deny] with input as {"Stages": [{"Name": "k8s.gcr.io/pause:3.2 AS base", "Commands": [cmd]}]}
	r.msg == "FROM k8s.gcr.io/pause:3.2 pulls from the deprecated registry k8s.gcr.io"
	r.cause == cmd
	count(p.deny) == 0 with input as {"Stages": [{"Commands": [{"Cmd": "from", "Value": ["alpine:3.20"]}]}]}
}

test_config if {
	count(p.deny) == 1 with input as pod("quay.io/old/x:1") with data.palisade.config as {"deprecated_registries": ["quay.io/old"]}
	count(p.deny) == 0 with input as pod("k8s.gcr.io/pause:3.2") with data.palisade.config as {"deprecated_registries": []}
}
