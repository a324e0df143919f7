# METADATA
# title: ConfigMap holds secret-like data
# description: >-
#   A ConfigMap entry whose key names a credential (password, token, API key, private key…) and
#   holds a non-placeholder value, whose value matches a credential format (private key block,
#   cloud access key, well-known token formats, URL with an embedded password), or whose text
#   contains a key=value / key: value line of that kind. ConfigMaps are not encrypted at rest by
#   default, are readable by far more roles than Secrets, and often end up in logs and Git.
# custom:
#   id: KC-040
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Move the value into a Secret (or an external secret store) and reference it with
#     secretKeyRef or a Secret volume; rotate the exposed credential.
#   references:
#     - https://kubernetes.io/docs/concepts/configuration/configmap/
#     - https://kubernetes.io/docs/concepts/configuration/secret/
#     - https://avd.aquasec.com/misconfig/ksv109
#   related: [KSV-0109, KSV-01010, POL sensitiveConfigmapContent]
#   profiles: [recommended]
package palisade.kubernetes.configmap_secrets

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config
import data.palisade.lib.secret_patterns

deny contains res if {
	cm := kubernetes.object
	cm.kind == "ConfigMap"
	some key, value in cluster.get_object(cm, "data")
	reason := finding_reason(key, value)
	msg := sprintf("ConfigMap \"%s\" key \"%s\" %s", [cluster.name_of(cm), key, reason])
	res := cluster.result_at(msg, ["data", key])
}

finding_reason(key, value) := "holds a value in a credential format" if {
	secret_patterns.secret_reason(key, value) == "value"
} else := "names a credential and holds a value" if {
	secret_patterns.secret_reason(key, value) == "name"
} else := embedded_reason(embedded_secrets(value)) if {
	count(embedded_secrets(value)) > 0
}

# One reason for every setting found, so a value with several credential lines still yields one
# finding (a function has one value per argument list; `some k in …` here made the rule conflict).
embedded_reason(keys) := sprintf("contains the credential setting \"%s\"", [keys[0]]) if {
	count(keys) == 1
} else := sprintf("contains the credential settings %s", [concat(", ", [sprintf("\"%s\"", [k]) | some k in keys])])

# Settings inside a config file value (`password=x`, `api_key: x`) that name a credential.
embedded_secrets(value) := sort({k |
	is_string(value)
	some line in split(value, "\n")
	m := regex.find_all_string_submatch_n(`^\s*([A-Za-z0-9_.-]+)\s*[=:]\s*["']?([^"'#\s]+)["']?\s*$`, line, 1)
	count(m) == 1
	k := m[0][1]
	secret_patterns.secret_reason(k, m[0][2])
})
