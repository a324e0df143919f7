package palisade.inspect.cpu_limit_test

import rego.v1

import data.palisade.inspect.cpu_limit

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_unlimited if {
	r := cpu_limit.deny with input as container({"NanoCpus": 0, "CpuShares": 0, "CpuQuota": 0})
	r == {{"msg": "container \"web\" has no CPU limit or CPU shares", "cause": 0, "path": ["HostConfig", "NanoCpus"]}}
	count(cpu_limit.deny) == 1 with input as container({"CpuShares": 1024})
	count(cpu_limit.deny) == 1 with input as container({})
}

test_limited if {
	count(cpu_limit.deny) == 0 with input as container({"NanoCpus": 500000000})
	count(cpu_limit.deny) == 0 with input as container({"CpuQuota": 50000, "CpuPeriod": 100000})
	count(cpu_limit.deny) == 0 with input as container({"CpuShares": 512})
	count(cpu_limit.deny) == 0 with input as image({})
}
