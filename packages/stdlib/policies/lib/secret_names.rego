# METADATA
# title: Secret detection helpers
# description: |
#   Heuristics shared by the Dockerfile and compose policies.
#   - is_secret_name(name): the variable name says it holds a secret (password, token, api key, private key…),
#       matched on word boundaries (`_`, `.`, `-`) or as a camel-case substring; names that point at a secret
#       instead of holding it (`…_FILE`, `…_PATH`, `…_DIR`, `…_NAME`, `…_LOCATION`) do not count.
#   - secret_value_kind(v): the kind of well-known credential format found in v (AWS key ID, GitHub/GitLab/
#       Slack/npm token, private key block, Google API key, Stripe live key); undefined when none.
package palisade.lib.secret_names

import rego.v1

_secret_word := `(?i)(^|[_.-])(password|passwd|pass|passphrase|secret|secrets|token|apikey|api_key|access_key|secret_key|private_key|client_secret|credential|credentials|auth_token)([_.-]|$)`

_secret_anywhere := `(?i)(password|passwd|passphrase|secret|apikey|privatekey|accesskey)`

_reference_suffix := `(?i)[_.-](file|path|dir|filename|location|name)$`

is_secret_name(name) if {
	regex.match(_secret_word, name)
	not regex.match(_reference_suffix, name)
}

is_secret_name(name) if {
	regex.match(_secret_anywhere, name)
	not regex.match(_reference_suffix, name)
}

_value_patterns := {
	"AWS access key ID": `\b(AKIA|ASIA)[0-9A-Z]{16}\b`,
	"GitHub token": `\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{22,}`,
	"GitLab token": `\bglpat-[A-Za-z0-9_-]{20,}`,
	"Slack token": `\bxox[baprs]-[A-Za-z0-9-]{10,}`,
	"private key": `-----BEGIN ([A-Z]+ )?PRIVATE KEY-----`,
	"Google API key": `\bAIza[0-9A-Za-z_-]{35}\b`,
	"Stripe secret key": `\b[sr]k_live_[0-9A-Za-z]{16,}`,
	"npm token": `\bnpm_[A-Za-z0-9]{36}\b`,
}

# The first matching kind in name order, so the function has one value.
secret_value_kind(v) := kinds[0] if {
	is_string(v)
	kinds := sort([kind | some kind, pattern in _value_patterns; regex.match(pattern, v)])
	count(kinds) > 0
}
