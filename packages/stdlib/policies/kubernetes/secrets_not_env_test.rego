package palisade.kubernetes.secrets_not_env_test

import rego.v1

import data.palisade.kubernetes.secrets_not_env as check

pod(c) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [object.union({"name": "a"}, c)]}}

test_secret_key_ref_denied if {
	some r in check.deny with input as pod({"env": [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}]})
	r.msg == `Pod "p": container "a" reads secret "db" into environment variable DB_PASSWORD`
	r.cause.name == "DB_PASSWORD"
}

test_env_from_secret_denied if {
	some r in check.deny with input as pod({"envFrom": [{"secretRef": {"name": "smtp"}}]})
	r.msg == `Pod "p": container "a" loads secret "smtp" into its environment (envFrom)`
}

test_other_sources_allowed if {
	count(check.deny) == 0 with input as pod({"env": [{"name": "A", "value": "1"}, {"name": "B", "valueFrom": {"configMapKeyRef": {"name": "c", "key": "k"}}}], "envFrom": [{"configMapRef": {"name": "c"}}]})
	count(check.deny) == 0 with input as pod({"env": null, "envFrom": null})
}

test_cronjob_example if {
	cj := {"kind": "CronJob", "metadata": {"name": "nightly-report"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "report", "envFrom": [{"secretRef": {"name": "report-smtp"}}]}]}}}}}}
	count(check.deny) == 1 with input as cj
}
