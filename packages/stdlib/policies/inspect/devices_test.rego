package palisade.inspect.devices_test

import rego.v1

import data.palisade.inspect.devices

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_device if {
	d := {"PathOnHost": "/dev/sda", "PathInContainer": "/dev/sda", "CgroupPermissions": "rwm"}
	r := devices.deny with input as container({"Devices": [d]})
	r == {{"msg": "container \"web\" has access to the host device /dev/sda (rwm)", "cause": d}}
}

test_no_devices if {
	count(devices.deny) == 0 with input as container({"Devices": []})
	count(devices.deny) == 0 with input as container({"Devices": null})
	count(devices.deny) == 0 with input as image({})
}
