package palisade.inspect.apparmor_test

import rego.v1

import data.palisade.inspect.apparmor

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

with_profile(profile, opts) := object.union(container({"SecurityOpt": opts}), {"AppArmorProfile": profile})

test_unconfined_profile if {
	r := apparmor.deny with input as with_profile("unconfined", null)
	r == {{"msg": "container \"web\" runs with the AppArmor profile unconfined", "cause": "unconfined", "path": ["AppArmorProfile"]}}
}

test_empty_profile if {
	r := apparmor.deny with input as with_profile("", null)
	some x in r
	x.msg == "container \"web\" runs without an AppArmor profile"
	count(apparmor.deny) == 0 with input as with_profile("", null) with data.palisade.config as {"inspect_require_apparmor": false}
}

test_unconfined_option if {
	r := apparmor.deny with input as with_profile("", ["apparmor=unconfined"])
	r == {{"msg": "container \"web\" sets apparmor=unconfined", "cause": "apparmor=unconfined", "path": ["HostConfig", "SecurityOpt", 0]}}
	count(apparmor.deny) == 1 with input as with_profile("unconfined", ["apparmor:unconfined"])
}

test_confined if {
	count(apparmor.deny) == 0 with input as with_profile("docker-default", null)
	count(apparmor.deny) == 0 with input as container({})
	count(apparmor.deny) == 0 with input as image({})
}
