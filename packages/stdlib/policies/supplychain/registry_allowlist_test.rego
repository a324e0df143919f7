package palisade.supplychain.registry_allowlist_test

import rego.v1

import data.palisade.supplychain.registry_allowlist as p

compose := {"services": {"web": {"image": "nginx:1.25"}, "api": {"image": "ghcr.io/acme/api:1"}, "evil": {"image": "ghcr.io/acme-evil/x:1"}}}

test_no_allowlist_passes if {
	count(p.deny) == 0 with input as compose
}

test_allowlist if {
	msgs := {r.msg | some r in p.deny} with input as compose with data.palisade.config as {"allowed_registries": ["ghcr.io/acme"]}
	msgs == {
		"service \"web\" uses image nginx:1.25 from docker.io, which is not in allowed_registries",
		"service \"evil\" uses image ghcr.io/acme-evil/x:1 from ghcr.io, which is not in allowed_registries",
	}
	count(p.deny) == 0 with input as compose with data.palisade.config as {"allowed_registries": ["ghcr.io", "docker.io"]}
}

test_denylist if {
	[r] := [r | some r in p.deny] with input as compose with data.palisade.config as {"denied_registries": ["docker.io"]}
	r.msg == "service \"web\" uses image nginx:1.25 from a denied registry (docker.io/library/nginx)"
	r.path == ["services", "web", "image"]
}

test_variables_skipped if {
	count(p.deny) == 0 with input as {"services": {"web": {"image": "${REGISTRY}/web:1"}}} with data.palisade.config as {"allowed_registries": ["ghcr.io"]}
}
