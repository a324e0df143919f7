package palisade.lib.secret_names_test

import rego.v1

import data.palisade.lib.secret_names as s

test_secret_names if {
	every name in ["DB_PASSWORD", "db-pass", "GITHUB_TOKEN", "API_KEY", "AWS_SECRET_ACCESS_KEY", "dbPassword", "client.secret", "SSH_PRIVATE_KEY", "Credentials"] {
		s.is_secret_name(name)
	}
}

test_not_secret_names if {
	every name in ["DB_PASSWORD_FILE", "SECRETS_DIR", "TOKENIZERS_PARALLELISM", "GPG_KEY", "PUBLIC_KEY", "PASSENGER_ENV", "BYPASS_CACHE", "TOKEN_PATH", "HOME"] {
		not s.is_secret_name(name)
	}
}

test_secret_value_kind if {
	s.secret_value_kind("AKIAIOSFODNN7EXAMPLE") == "AWS access key ID"
	s.secret_value_kind("token ghp_000000000000000000000000000000000000") == "GitHub token"
	s.secret_value_kind("-----BEGIN RSA PRIVATE KEY-----") == "private key"
	not s.secret_value_kind("hello")
	not s.secret_value_kind(42)
}
