package palisade.kubernetes.literal_secret_env_test

import rego.v1

import data.palisade.kubernetes.literal_secret_env as check

pod(env) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "env": env}]}}

test_secret_name_denied if {
	some r in check.deny with input as pod([{"name": "DB_PASSWORD", "value": "s3cr3t-passw0rd"}])
	r.msg == `Pod "p": container "a" sets environment variable DB_PASSWORD to a literal value under a secret-like name`
	not contains(r.msg, "s3cr3t")
}

test_secret_value_denied if {
	some r in check.deny with input as pod([{"name": "BOOT", "value": "AKIAABCDEFGHIJKLMNOP"}])
	r.msg == `Pod "p": container "a" sets environment variable BOOT to a literal value in a credential format`
}

test_harmless_allowed if {
	count(check.deny) == 0 with input as pod([{"name": "LOG_LEVEL", "value": "debug"}])
	count(check.deny) == 0 with input as pod([{"name": "DB_PASSWORD_FILE", "value": "/run/secrets/db"}])
	count(check.deny) == 0 with input as pod([{"name": "API_TOKEN", "value": ""}])
	count(check.deny) == 0 with input as pod([{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "p"}}}])
	count(check.deny) == 0 with input as pod([{"name": "API_TOKEN", "value": "$(TOKEN_FROM_SECRET)"}])
}
