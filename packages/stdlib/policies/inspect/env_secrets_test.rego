package palisade.inspect.env_secrets_test

import rego.v1

import data.palisade.inspect.env_secrets

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_secret_name if {
	r := env_secrets.deny with input as image({"Env": ["PATH=/usr/bin", "API_TOKEN=tok_live_0123456789abcdef"]})
	r == {{"msg": "image \"nginx:1.27\" sets the environment variable API_TOKEN, which names a credential", "cause": "API_TOKEN=tok_live_0123456789abcdef", "path": ["Config", "Env", 1]}}
}

test_secret_value if {
	r := env_secrets.deny with input as image({"Env": ["DATABASE_URL=postgres://app:pw@db/app?sslmode=require"]})
	some x in r
	x.msg == "image \"nginx:1.27\" sets the environment variable DATABASE_URL, whose value looks like a credential"
}

test_messages_do_not_leak_values if {
	r := env_secrets.deny with input as image({"Env": ["DB_PASSWORD=hunter2"]})
	some x in r
	not contains(x.msg, "hunter2")
}

test_plain_env_passes if {
	count(env_secrets.deny) == 0 with input as image({"Env": ["PATH=/usr/bin", "NGINX_VERSION=1.27.0", "DB_PASSWORD_FILE=/run/secrets/db", "TOKEN=", "NOVALUE"]})
	count(env_secrets.deny) == 0 with input as image({"Env": null})
	count(env_secrets.deny) == 0 with input as image({})
}
