package palisade.inspect.seccomp_unconfined_test

import rego.v1

import data.palisade.inspect.seccomp_unconfined

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_unconfined if {
	r := seccomp_unconfined.deny with input as container({"SecurityOpt": ["no-new-privileges", "seccomp=unconfined"]})
	r == {{"msg": "container \"web\" runs with seccomp unconfined", "cause": "seccomp=unconfined", "path": ["HostConfig", "SecurityOpt", 1]}}
	count(seccomp_unconfined.deny) == 1 with input as container({"SecurityOpt": ["seccomp:unconfined"]})
}

test_default_or_custom if {
	count(seccomp_unconfined.deny) == 0 with input as container({"SecurityOpt": ["seccomp=/etc/docker/seccomp.json"]})
	count(seccomp_unconfined.deny) == 0 with input as container({"SecurityOpt": null})
	count(seccomp_unconfined.deny) == 0 with input as container({})
}
