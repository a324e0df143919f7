package palisade.inspect.sensitive_volumes_test

import rego.v1

import data.palisade.inspect.sensitive_volumes

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_proc_volume if {
	r := sensitive_volumes.deny with input as image({"Volumes": {"/proc": {}, "/data": {}}})
	r == {{"msg": "image \"nginx:1.27\" declares a volume on the system path /proc", "cause": {}, "path": ["Config", "Volumes", "/proc"]}}
	count(sensitive_volumes.deny) == 1 with input as image({"Volumes": {"/sys/fs/cgroup": {}}})
}

test_other_volumes if {
	count(sensitive_volumes.deny) == 0 with input as image({"Volumes": {"/data": {}, "/devices": {}}})
	count(sensitive_volumes.deny) == 0 with input as image({"Volumes": null})
	count(sensitive_volumes.deny) == 0 with input as image({})
}
