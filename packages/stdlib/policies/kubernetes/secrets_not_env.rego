# METADATA
# title: Secret exposed as environment variable
# description: >-
#   A container reads a Secret into environment variables (`env[].valueFrom.secretKeyRef` or
#   `envFrom[].secretRef`). Environment variables leak through crash dumps, logs, child processes
#   and `/proc/<pid>/environ`; mounted files can be scoped and rotated.
# custom:
#   id: KW-047
#   severity: LOW
#   input: [kubernetes]
#   remediation: Mount the Secret as a volume (read-only) and read the value from the file.
#   references:
#     - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
#     - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod
#   related: [kubesec:SecretsAsEnvironmentVariables, CKV_K8S_35, kyverno:disallow-secrets-from-env-vars, CIS-K8s:5.4.1]
#   profiles: []
package palisade.kubernetes.secrets_not_env

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some env in entry.container.env
	ref := env.valueFrom.secretKeyRef
	is_object(ref)
	res := result.new(sprintf("%s reads secret \"%s\" into environment variable %s", [k8s.describe(entry), object.get(ref, "name", ""), object.get(env, "name", "")]), env)
}

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some src in entry.container.envFrom
	ref := src.secretRef
	is_object(ref)
	res := result.new(sprintf("%s loads secret \"%s\" into its environment (envFrom)", [k8s.describe(entry), object.get(ref, "name", "")]), src)
}
