package palisade.inspect.unmasked_proc_test

import rego.v1

import data.palisade.inspect.unmasked_proc

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_emptied_paths if {
	r := unmasked_proc.deny with input as container({"MaskedPaths": [], "ReadonlyPaths": ["/proc/bus"]})
	r == {{"msg": "container \"web\" has no MaskedPaths: /proc and /sys are exposed", "cause": [], "path": ["HostConfig", "MaskedPaths"]}}
	count(unmasked_proc.deny) == 2 with input as container({"MaskedPaths": null, "ReadonlyPaths": null})
}

test_default_paths if {
	count(unmasked_proc.deny) == 0 with input as container({"MaskedPaths": ["/proc/kcore"], "ReadonlyPaths": ["/proc/sys"]})
}

test_missing_fields_and_privileged if {
	count(unmasked_proc.deny) == 0 with input as container({})
	count(unmasked_proc.deny) == 0 with input as container({"Privileged": true, "MaskedPaths": null, "ReadonlyPaths": null})
	count(unmasked_proc.deny) == 0 with input as image({})
}
