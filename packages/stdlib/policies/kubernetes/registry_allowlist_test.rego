package palisade.kubernetes.registry_allowlist_test

import rego.v1

import data.palisade.kubernetes.registry_allowlist as check

pod(image) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": image}]}}

cfg := {"allowed_registries": ["registry.example.com", "docker.io/library"]}

test_untrusted_denied if {
	some r in check.deny with input as pod("ghcr.io/evil/miner:1.0") with data.palisade.config as cfg
	r.msg == `Pod "p": container "a" uses image ghcr.io/evil/miner:1.0 from registry ghcr.io, which is not in allowed_registries`
	count(check.deny) == 1 with input as pod("someone/app:1.0") with data.palisade.config as cfg
}

test_trusted_allowed if {
	count(check.deny) == 0 with input as pod("registry.example.com/shop/api:1.0") with data.palisade.config as cfg
	count(check.deny) == 0 with input as pod("nginx:1.27") with data.palisade.config as cfg
}

test_silent_without_configuration if {
	count(check.deny) == 0 with input as pod("ghcr.io/evil/miner:1.0") with data.palisade.config as {}
}

test_init_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i", "image": "quay.io/x/y:1"}]}}
	count(check.deny) == 1 with input as p with data.palisade.config as cfg
}
