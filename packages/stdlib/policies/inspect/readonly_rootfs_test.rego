package palisade.inspect.readonly_rootfs_test

import rego.v1

import data.palisade.inspect.readonly_rootfs

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_writable if {
	r := readonly_rootfs.deny with input as container({"ReadonlyRootfs": false})
	r == {{"msg": "container \"web\" has a writable root filesystem", "cause": false, "path": ["HostConfig", "ReadonlyRootfs"]}}
	count(readonly_rootfs.deny) == 1 with input as container({})
}

test_read_only if {
	count(readonly_rootfs.deny) == 0 with input as container({"ReadonlyRootfs": true})
	count(readonly_rootfs.deny) == 0 with input as image({})
}
