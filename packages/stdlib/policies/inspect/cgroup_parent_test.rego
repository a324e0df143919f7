package palisade.inspect.cgroup_parent_test

import rego.v1

import data.palisade.inspect.cgroup_parent

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_custom_parent if {
	r := cgroup_parent.deny with input as container({"CgroupParent": "/custom"})
	r == {{"msg": "container \"web\" runs under the custom cgroup parent /custom", "cause": "/custom", "path": ["HostConfig", "CgroupParent"]}}
}

test_default_parent if {
	count(cgroup_parent.deny) == 0 with input as container({"CgroupParent": ""})
	count(cgroup_parent.deny) == 0 with input as container({})
	count(cgroup_parent.deny) == 0 with input as image({})
}
