package palisade.inspect.selinux_test

import rego.v1

import data.palisade.inspect.selinux

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_label_disable if {
	r := selinux.deny with input as container({"SecurityOpt": ["seccomp=unconfined", "label=disable"]})
	r == {{"msg": "container \"web\" disables SELinux labeling", "cause": "label=disable", "path": ["HostConfig", "SecurityOpt", 1]}}
	count(selinux.deny) == 1 with input as container({"SecurityOpt": ["label:disable"]})
}

test_no_options_by_default if {
	count(selinux.deny) == 0 with input as container({"SecurityOpt": null})
}

test_required_labels if {
	count(selinux.deny) == 1 with input as container({"SecurityOpt": null}) with data.palisade.config as {"inspect_require_selinux": true}
	count(selinux.deny) == 0 with input as container({"SecurityOpt": ["label=type:svirt_apache_t"]}) with data.palisade.config as {"inspect_require_selinux": true}
}
