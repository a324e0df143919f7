# METADATA
# title: Secret in container environment variables
# description: >-
#   A Config.Env entry whose name names a credential (password, token, API key…) with a
#   non-placeholder value, or whose value matches a credential format (private key, cloud access
#   key, token formats, URL with a password). Environment variables of images and containers are
#   visible to anyone who can inspect them, and image ENV values ship with every copy of the
#   image.
# custom:
#   id: DI-027
#   severity: HIGH
#   input: [docker-inspect]
#   remediation: >-
#     Pass credentials at run time through secrets (Docker/Swarm secrets, mounted files, a secret
#     manager), not ENV; rebuild images that baked them in and rotate the credential.
#   references:
#     - https://docs.docker.com/build/building/secrets/
#     - https://docs.docker.com/engine/swarm/secrets/
#     - https://www.cisecurity.org/benchmark/docker
#     - https://github.com/goodwithtech/dockle
#   related: [CIS 4.10, CIS-DI-0010]
#   profiles: [recommended, cis-docker]
package palisade.inspect.env_secrets

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.inspect
import data.palisade.lib.secret_patterns

deny contains res if {
	some i, entry in inspect.config.Env
	is_string(entry)
	parts := split(entry, "=")
	count(parts) > 1
	name := parts[0]
	value := concat("=", array.slice(parts, 1, count(parts)))
	reason := secret_patterns.secret_reason(name, value)
	msg := sprintf("%s sets the environment variable %s, %s", [inspect.describe, name, reasons[reason]])
	res := inspect.result_at(msg, ["Config", "Env", i])
}

reasons := {
	"value": "whose value looks like a credential",
	"name": "which names a credential",
}
