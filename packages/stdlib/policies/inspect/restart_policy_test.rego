package palisade.inspect.restart_policy_test

import rego.v1

import data.palisade.inspect.restart_policy

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_too_many_retries if {
	r := restart_policy.deny with input as container({"RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 10}})
	r == {{"msg": "container \"web\" restarts up to 10 times on failure (more than 5)", "cause": 10, "path": ["HostConfig", "RestartPolicy", "MaximumRetryCount"]}}
}

test_bounded_retries if {
	count(restart_policy.deny) == 0 with input as container({"RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 5}})
	count(restart_policy.deny) == 0 with input as container({"RestartPolicy": {"Name": "no", "MaximumRetryCount": 0}})
	count(restart_policy.deny) == 0 with input as container({})
}

test_always_only_when_configured if {
	inp := container({"RestartPolicy": {"Name": "always", "MaximumRetryCount": 0}})
	count(restart_policy.deny) == 0 with input as inp
	count(restart_policy.deny) == 1 with input as inp with data.palisade.config as {"inspect_flag_restart_always": true}
}

test_configured_retries if {
	count(restart_policy.deny) == 0 with input as container({"RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 10}})
		with data.palisade.config as {"inspect_max_restart_retries": 10}
}
