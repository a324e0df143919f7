package palisade.inspect.memory_limit_test

import rego.v1

import data.palisade.inspect.memory_limit

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_unlimited if {
	r := memory_limit.deny with input as container({"Memory": 0})
	r == {{"msg": "container \"web\" has no memory limit", "cause": 0, "path": ["HostConfig", "Memory"]}}
	count(memory_limit.deny) == 1 with input as container({})
	count(memory_limit.deny) == 1 with input as container({"Memory": null})
}

test_limited if {
	count(memory_limit.deny) == 0 with input as container({"Memory": 268435456})
	count(memory_limit.deny) == 0 with input as image({})
}
