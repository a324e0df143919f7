package palisade.lib.secret_patterns_test

import rego.v1

import data.palisade.lib.secret_patterns as sp

test_secret_names if {
	sp.secret_reason("DB_PASSWORD", "hunter2") == "name"
	sp.secret_reason("api_key", "abc123xyz") == "name"
	sp.secret_reason("GITHUB_TOKEN", "x-y-z") == "name"
	sp.secret_reason("client-secret", "s3cr3t") == "name"
}

test_reference_names_are_not_secrets if {
	not sp.secret_reason("DB_PASSWORD_FILE", "hunter2")
	not sp.secret_reason("TOKEN_URL", "https://auth.example.com/token")
	not sp.secret_reason("SECRET_NAME", "db-creds")
}

test_placeholder_values_are_not_secrets if {
	not sp.secret_reason("DB_PASSWORD", "")
	not sp.secret_reason("DB_PASSWORD", "/run/secrets/db")
	not sp.secret_reason("DB_PASSWORD", "${DB_PASSWORD}")
	not sp.secret_reason("DB_PASSWORD", "$(DB_PASSWORD)")
	not sp.secret_reason("TOKEN_REFRESH", "true")
	not sp.secret_reason("PASSWORD_MIN", "12")
	not sp.secret_reason("DB_PASSWORD", 5)
}

test_secret_values if {
	sp.secret_reason("DATABASE_URL", "postgres://app:hunter2@db:5432/app") == "value"
	sp.secret_reason("KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIE") == "value"
	sp.secret_reason("X", "AKIAIOSFODNN7EXAMPLE") == "value"
	sp.secret_reason("X", "ghp_0123456789abcdefghijklmnopqrstuvwxyz") == "value"
}

test_plain_values if {
	not sp.secret_reason("DATABASE_URL", "postgres://db:5432/app")
	not sp.secret_reason("LOG_LEVEL", "debug")
	not sp.secret_reason("PUBLIC_CERT", "-----BEGIN CERTIFICATE-----")
}
