package palisade.inspect.default_bridge_test

import rego.v1

import data.palisade.inspect.default_bridge

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_bridge_network if {
	inp := object.union(container({"NetworkMode": "bridge"}), {"NetworkSettings": {"Networks": {"bridge": {"NetworkID": "x"}}}})
	r := default_bridge.deny with input as inp
	r == {{"msg": "container \"web\" is attached to the default bridge network", "cause": {"NetworkID": "x"}, "path": ["NetworkSettings", "Networks", "bridge"]}}
}

test_network_mode_only if {
	r := default_bridge.deny with input as container({"NetworkMode": "default"})
	some x in r
	x.path == ["HostConfig", "NetworkMode"]
}

test_user_defined_network if {
	inp := object.union(container({"NetworkMode": "app-net"}), {"NetworkSettings": {"Networks": {"app-net": {}}}})
	count(default_bridge.deny) == 0 with input as inp
	count(default_bridge.deny) == 0 with input as container({"NetworkMode": "host"})
	count(default_bridge.deny) == 0 with input as image({})
}
