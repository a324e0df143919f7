# METADATA
# title: Duplicate environment variable
# description: >-
#   A container defines the same environment variable more than once; only the last one takes
#   effect, which hides mistakes and surprises reviewers.
# custom:
#   id: KW-049
#   severity: LOW
#   input: [kubernetes]
#   remediation: Keep a single definition of each variable.
#   references:
#     - https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
#   related: [kube-score:container-env-var-duplicate]
#   profiles: []
package palisade.kubernetes.env_dup

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	names := [n | some env in entry.container.env; n := env.name; is_string(n)]
	some name in {n | some n in names}
	times := count([n | some n in names; n == name])
	times > 1
	res := result.new(sprintf("%s defines environment variable %s %d times", [k8s.describe(entry), name, times]), entry.container)
}
