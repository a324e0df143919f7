package palisade.inspect.pids_limit_test

import rego.v1

import data.palisade.inspect.pids_limit

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_unlimited if {
	r := pids_limit.deny with input as container({"PidsLimit": null})
	r == {{"msg": "container \"web\" has no PIDs limit", "cause": null, "path": ["HostConfig", "PidsLimit"]}}
	count(pids_limit.deny) == 1 with input as container({"PidsLimit": 0})
	count(pids_limit.deny) == 1 with input as container({"PidsLimit": -1})
	count(pids_limit.deny) == 1 with input as container({})
}

test_limited if {
	count(pids_limit.deny) == 0 with input as container({"PidsLimit": 100})
	count(pids_limit.deny) == 0 with input as image({})
}
