package palisade.inspect.ulimits_test

import rego.v1

import data.palisade.inspect.ulimits

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_override if {
	u := {"Name": "nofile", "Soft": 65536, "Hard": 65536}
	r := ulimits.deny with input as container({"Ulimits": [u]})
	r == {{"msg": "container \"web\" overrides the ulimit nofile (soft 65536, hard 65536)", "cause": u}}
}

test_defaults if {
	count(ulimits.deny) == 0 with input as container({"Ulimits": null})
	count(ulimits.deny) == 0 with input as container({"Ulimits": []})
	count(ulimits.deny) == 0 with input as image({})
}
