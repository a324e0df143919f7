package palisade.inspect.no_new_privileges_test

import rego.v1

import data.palisade.inspect.no_new_privileges

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_missing if {
	r := no_new_privileges.deny with input as container({"SecurityOpt": ["seccomp=default.json"]})
	r == {{"msg": "container \"web\" does not set no-new-privileges", "cause": ["seccomp=default.json"], "path": ["HostConfig", "SecurityOpt"]}}
	count(no_new_privileges.deny) == 1 with input as container({"SecurityOpt": null})
}

test_false if {
	count(no_new_privileges.deny) == 1 with input as container({"SecurityOpt": ["no-new-privileges:false"]})
}

test_set if {
	count(no_new_privileges.deny) == 0 with input as container({"SecurityOpt": ["no-new-privileges"]})
	count(no_new_privileges.deny) == 0 with input as container({"SecurityOpt": ["no-new-privileges:true"]})
	count(no_new_privileges.deny) == 0 with input as container({"SecurityOpt": ["no-new-privileges=true"]})
}

test_image_ignored if {
	count(no_new_privileges.deny) == 0 with input as image({})
}
