# METADATA
# title: Secret heuristics
# description: >-
#   Name and value patterns that make a key/value pair (ConfigMap data, container environment)
#   look like a credential. Shared by the cluster-level and docker inspect checks.
package palisade.lib.secret_patterns

import rego.v1

# Names that usually hold a credential.
name_pattern := `(?i)(passw(or)?d|passwd|^pwd$|_pwd$|secret|token|api[_.-]?key|private[_.-]?key|access[_.-]?key|credential|auth[_.-]?key|connection[_.-]?string|dsn$)`

# Names that point at a credential instead of holding it (a file, a path, a reference).
reference_name_pattern := `(?i)(_file|_path|_dir|_name|_ref|_url|_endpoint|_ttl|_length|_enabled|_type)$`

# Values that are credentials whatever their key: private keys, cloud keys, well-known token
# formats, JWTs and URLs with an embedded password.
value_patterns := [
	`-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----`,
	`\b(AKIA|ASIA)[0-9A-Z]{16}\b`,
	`\bgh[pousr]_[A-Za-z0-9]{36}\b`,
	`\bxox[abprs]-[A-Za-z0-9-]{10,}`,
	`\b[sr]k_live_[A-Za-z0-9]{10,}`,
	`\bAIza[0-9A-Za-z_-]{35}\b`,
	`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.`,
	`[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]+:[^/\s@]+@`,
]

secret_name(name) if {
	is_string(name)
	regex.match(name_pattern, name)
	not regex.match(reference_name_pattern, name)
}

# Values that cannot be a credential: empty, booleans, numbers, file paths and references to
# variables resolved elsewhere.
placeholder(value) if trim_space(value) == ""

placeholder(value) if lower(value) in {"true", "false", "yes", "no", "on", "off", "null", "none", "changeme"}

placeholder(value) if regex.match(`^[0-9.]+$`, value)

placeholder(value) if startswith(value, "/")

placeholder(value) if regex.match(`^\$(\{[^}]*\}|\([^)]*\)|[A-Za-z_][A-Za-z0-9_]*)$`, value)

secret_value(value) if {
	is_string(value)
	some p in value_patterns
	regex.match(p, value)
}

# Why a pair looks like a credential ("name" or "value"); undefined when it does not.
secret_reason(name, value) := "value" if {
	secret_value(value)
} else := "name" if {
	secret_name(name)
	is_string(value)
	not placeholder(value)
}
