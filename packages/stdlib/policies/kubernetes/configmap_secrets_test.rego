package palisade.kubernetes.configmap_secrets_test

import rego.v1

import data.palisade.kubernetes.configmap_secrets

entry(v) := {"path": "k8s.yaml", "kind": "kubernetes", "index": 0, "value": v}

deployment(name, ns, replicas, labels) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": name, "namespace": ns},
	"spec": {"replicas": replicas, "template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}}},
}

namespace(name, labels, annotations) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels, "annotations": annotations}}

configmap(data) := {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app-config", "namespace": "shop"}, "data": data}

test_credential_url if {
	r := configmap_secrets.deny with input as configmap({"DATABASE_URL": "postgres://app:hunter2@db:5432/app", "LOG_LEVEL": "info"})
	r == {{"msg": "ConfigMap \"app-config\" key \"DATABASE_URL\" holds a value in a credential format", "cause": "postgres://app:hunter2@db:5432/app", "path": ["data", "DATABASE_URL"]}}
}

test_secret_name if {
	r := configmap_secrets.deny with input as configmap({"DB_PASSWORD": "hunter2"})
	some x in r
	x.msg == "ConfigMap \"app-config\" key \"DB_PASSWORD\" names a credential and holds a value"
}

test_embedded_file if {
	r := configmap_secrets.deny with input as configmap({"application.properties": "server.port=8080\nspring.datasource.password=hunter2\n"})
	some x in r
	x.msg == "ConfigMap \"app-config\" key \"application.properties\" contains the credential setting \"spring.datasource.password\""
}

test_embedded_yaml if {
	count(configmap_secrets.deny) == 1 with input as configmap({"config.yaml": "log: debug\napi_key: \"abcd1234efgh\"\n"})
}

test_plain_config_passes if {
	count(configmap_secrets.deny) == 0 with input as configmap({"LOG_LEVEL": "debug", "DATABASE_URL": "postgres://db:5432/app", "DB_PASSWORD_FILE": "/run/secrets/db", "app.conf": "password_min_length=12\nport=80"})
}

test_placeholders_pass if {
	count(configmap_secrets.deny) == 0 with input as configmap({"DB_PASSWORD": "", "API_TOKEN": "${API_TOKEN}"})
}

test_no_data if {
	count(configmap_secrets.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "c"}}
	count(configmap_secrets.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "c"}, "data": null}
}

test_secrets_are_not_configmaps if {
	count(configmap_secrets.deny) == 0 with input as {"kind": "Secret", "metadata": {"name": "c"}, "data": {"DB_PASSWORD": "aHVudGVyMg=="}}
}

# Two credential lines in one value: one finding naming both (this used to be a conflict error).
test_embedded_file_two_settings if {
	r := configmap_secrets.deny with input as configmap({"application.properties": "spring.datasource.password=hunter2\nserver.port=8080\nmail.password=swordfish\n"})
	count(r) == 1
	some x in r
	x.msg == "ConfigMap \"app-config\" key \"application.properties\" contains the credential settings \"mail.password\", \"spring.datasource.password\""
}

# Two keys, each of every kind of reason: one finding per key.
test_several_keys_each_branch if {
	r := configmap_secrets.deny with input as configmap({
		"DB_PASSWORD": "hunter2", "API_TOKEN": "s3cr3tvalue",
		"DATABASE_URL": "postgres://app:hunter2@db:5432/app", "CACHE_URL": "redis://u:pw123456@cache:6379",
		"a.properties": "a.password=x1\nb.secret=x2", "b.properties": "c.password=x3",
	})
	count(r) == 6
}
