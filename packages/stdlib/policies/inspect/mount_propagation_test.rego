package palisade.inspect.mount_propagation_test

import rego.v1

import data.palisade.inspect.mount_propagation

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_rshared_mount if {
	inp := object.union(container({}), {"Mounts": [{"Type": "bind", "Source": "/mnt", "Destination": "/mnt", "RW": true, "Propagation": "rshared"}]})
	r := mount_propagation.deny with input as inp
	r == {{"msg": "container \"web\" mounts /mnt with rshared propagation", "cause": inp.Mounts[0], "path": ["Mounts", 0]}}
}

test_shared_bind if {
	count(mount_propagation.deny) == 1 with input as container({"Binds": ["/mnt:/mnt:ro,shared"]})
}

test_private_passes if {
	count(mount_propagation.deny) == 0 with input as container({"Binds": ["/mnt:/mnt:rslave", "/a:/b"]})
	count(mount_propagation.deny) == 0 with input as object.union(container({}), {"Mounts": [{"Type": "bind", "Source": "/mnt", "Destination": "/mnt", "Propagation": "rprivate"}]})
}
