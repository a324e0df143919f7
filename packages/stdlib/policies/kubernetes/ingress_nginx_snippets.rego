# METADATA
# title: Ingress uses dangerous ingress-nginx annotations
# description: >-
#   An Ingress sets an ingress-nginx *-snippet annotation (configuration-, server-, location-,
#   auth-, stream- or modsecurity-snippet), or another nginx.ingress.kubernetes.io annotation
#   whose value carries nginx directives or paths that read files (alias, root, include,
#   load_module, Lua blocks, /var/run/secrets). Snippets are copied into the nginx.conf of the
#   controller: anyone who can create an Ingress can read the service account token of the
#   controller and every Secret it can access (CVE-2021-25742, CVE-2023-5044, CVE-2025-1974).
# custom:
#   id: KC-035
#   severity: CRITICAL
#   input: [kubernetes]
#   remediation: >-
#     Remove snippet annotations, use the dedicated ingress-nginx annotations or ConfigMap options
#     instead, and keep allow-snippet-annotations disabled on the controller.
#   references:
#     - https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/
#     - https://github.com/kubernetes/ingress-nginx/issues/7837
#     - https://avd.aquasec.com/misconfig/kcv0093
#   related: [KCV-0093, CKV_K8S_152, CKV_K8S_153, CKV_K8S_154]
#   profiles: [recommended]
package palisade.kubernetes.ingress_nginx_snippets

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

prefix := "nginx.ingress.kubernetes.io/"

# Directives and paths that let an annotation value read files or run code in the controller.
dangerous_value := `(?i)(\balias\s|\broot\s|\binclude\s|\bload_module\b|_by_lua|lua_package|/var/run/secrets|serviceaccount/token)`

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	some key, _ in cluster.annotations_of(ing)
	startswith(key, prefix)
	endswith(key, "-snippet")
	msg := sprintf("Ingress \"%s\" sets the snippet annotation %s", [cluster.name_of(ing), key])
	res := cluster.result_at(msg, ["metadata", "annotations", key])
}

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	some key, value in cluster.annotations_of(ing)
	startswith(key, prefix)
	not endswith(key, "-snippet")
	is_string(value)
	regex.match(dangerous_value, value)
	msg := sprintf("Ingress \"%s\" annotation %s carries nginx directives or secret paths", [cluster.name_of(ing), key])
	res := cluster.result_at(msg, ["metadata", "annotations", key])
}
