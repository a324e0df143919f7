# METADATA
# title: Credential written in the manifest
# description: >-
#   An environment variable holds a literal value that looks like a credential (a secret-like
#   name such as DB_PASSWORD or API_TOKEN with a real value, or a value in a well-known key or
#   token format). Everyone who can read the manifest, its Git history or the pod spec has it.
# custom:
#   id: KW-048
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Move the value into a Secret (or an external secret store), rotate it, and mount it as a file.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/secret/
#     - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
#   related: [polaris:sensitiveContainerEnvVar]
#   profiles: [recommended]
package palisade.kubernetes.literal_secret_env

import rego.v1

import data.palisade.lib.kubernetes as k8s
import data.palisade.lib.secret_patterns

# The message names the variable, never the value.
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some env in entry.container.env
	value := env.value
	is_string(value)
	reason := secret_patterns.secret_reason(object.get(env, "name", ""), value)
	res := result.new(sprintf("%s sets environment variable %s to a literal %s", [k8s.describe(entry), object.get(env, "name", ""), what(reason)]), env)
}

what("value") := "value in a credential format"

what("name") := "value under a secret-like name"
