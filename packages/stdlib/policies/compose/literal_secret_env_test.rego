package palisade.compose.literal_secret_env_test

import rego.v1

import data.palisade.compose.literal_secret_env as policy

test_literal_password_denied if {
	some r in policy.deny with input as {"services": {"db": {"environment": {"POSTGRES_PASSWORD": "example-password"}}}}
	r.msg == `service "db" sets POSTGRES_PASSWORD to a literal value in environment`
	r.path == ["services", "db", "environment", "POSTGRES_PASSWORD"]
}

test_list_form_and_numbers_denied if {
	inp := {"services": {"a": {"environment": ["API_TOKEN=abc123", "DB_HOST=db"]}, "b": {"environment": {"DB_PASS": 1234}}}}
	res := policy.deny with input as inp
	count(res) == 2
	some r in res
	r.path == ["services", "a", "environment", 0]
}

test_credential_value_under_other_name_denied if {
	some r in policy.deny with input as {"services": {"a": {"environment": {"AWS_ID": "AKIAIOSFODNN7EXAMPLE"}}}}
	r.msg == `service "a" sets AWS_ID to a literal AWS access key ID`
}

test_interpolated_file_and_empty_pass if {
	inp := {"services": {"a": {"environment": {
		"DB_PASSWORD": "${DB_PASSWORD}",
		"API_TOKEN": "$TOKEN",
		"DB_PASSWORD_FILE": "/run/secrets/db_password",
		"SECRET": "",
		"PASSWORD": null,
		"DB_HOST": "db",
	}}, "b": {"environment": ["TOKEN"]}}}
	count(policy.deny) == 0 with input as inp
}
