package palisade.inspect.healthcheck_test

import rego.v1

import data.palisade.inspect.healthcheck

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_missing if {
	r := healthcheck.deny with input as container({})
	r == {{"msg": "container \"web\" has no health check", "cause": null, "path": ["Config", "Healthcheck"]}}
	count(healthcheck.deny) == 1 with input as image({"Healthcheck": null})
}

test_disabled if {
	r := healthcheck.deny with input as image({"Healthcheck": {"Test": ["NONE"]}})
	r == {{"msg": "image \"nginx:1.27\" disables its health check", "cause": ["NONE"], "path": ["Config", "Healthcheck", "Test"]}}
}

test_present if {
	count(healthcheck.deny) == 0 with input as image({"Healthcheck": {"Test": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "Interval": 30000000000}})
}
