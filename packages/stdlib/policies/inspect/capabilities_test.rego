package palisade.inspect.capabilities_test

import rego.v1

import data.palisade.inspect.capabilities

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_cap_add if {
	r := capabilities.deny with input as container({"CapAdd": ["SYS_ADMIN", "NET_BIND_SERVICE"], "CapDrop": ["ALL"]})
	r == {{"msg": "container \"web\" adds the capability SYS_ADMIN", "cause": "SYS_ADMIN", "path": ["HostConfig", "CapAdd", 0]}}
}

test_cap_add_all_and_prefixed if {
	count(capabilities.deny) == 2 with input as container({"CapAdd": ["ALL", "cap_net_raw"], "CapDrop": ["ALL"]})
	count(capabilities.deny) == 0 with input as container({"CapAdd": ["CAP_NET_BIND_SERVICE"], "CapDrop": ["all"]})
}

test_cap_drop_missing if {
	r := capabilities.deny with input as container({"CapAdd": null, "CapDrop": null})
	r == {{"msg": "container \"web\" does not drop ALL capabilities", "cause": null, "path": ["HostConfig", "CapDrop"]}}
	count(capabilities.deny) == 1 with input as container({"CapDrop": ["NET_RAW"]})
}

test_configured_allowlist if {
	count(capabilities.deny) == 0 with input as container({"CapAdd": ["CHOWN"], "CapDrop": ["ALL"]})
		with data.palisade.config as {"inspect_allowed_capabilities": ["CHOWN"]}
}

test_image_ignored if {
	count(capabilities.deny) == 0 with input as image({})
}
