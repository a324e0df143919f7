package palisade.inspect.non_root_user_test

import rego.v1

import data.palisade.inspect.non_root_user

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_empty_user if {
	r := non_root_user.deny with input as image({"User": ""})
	r == {{"msg": "image \"nginx:1.27\" runs as root (no user set)", "cause": "", "path": ["Config", "User"]}}
	count(non_root_user.deny) == 1 with input as image({})
}

test_root_variants if {
	count(non_root_user.deny) == 1 with input as image({"User": "root"})
	count(non_root_user.deny) == 1 with input as image({"User": "0:0"})
	r := non_root_user.deny with input as object.union(container({}), {"Config": {"User": "root:app"}})
	some x in r
	x.msg == "container \"web\" runs as root (user root:app)"
}

test_non_root if {
	count(non_root_user.deny) == 0 with input as image({"User": "nginx"})
	count(non_root_user.deny) == 0 with input as image({"User": "10001:10001"})
	count(non_root_user.deny) == 0 with input as container({})
}
