package palisade.inspect.privileged_test

import rego.v1

import data.palisade.inspect.privileged

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_fails if {
	r := privileged.deny with input as container({"Privileged": true})
	r == {{"msg": "container \"web\" runs privileged", "cause": true, "path": ["HostConfig", "Privileged"]}}
}

test_passes if {
	count(privileged.deny) == 0 with input as container({"Privileged": false})
}

test_missing_field_passes if {
	count(privileged.deny) == 0 with input as container({})
}

test_image_ignored if {
	count(privileged.deny) == 0 with input as image({})
}
