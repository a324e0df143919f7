# METADATA
# title: Ingress host is missing, a wildcard or a duplicate
# description: >-
#   An Ingress rule without a host (it catches requests for any host name), with a wildcard host,
#   or with a host and path that another Ingress of the scan (same ingress class, any namespace)
#   also routes. Catch-all and wildcard rules expose the backend under names nobody reviewed;
#   duplicates let one team capture the traffic of another team, depending on which rule the
#   controller picks.
# custom:
#   id: KC-034
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Give every rule an explicit host name that the owning team controls, and keep each host and
#     path in a single Ingress.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards
#     - https://kubernetes.io/docs/concepts/services-networking/ingress/#name-based-virtual-hosting
#   related: [GK block-wildcard-ingress, GK uniqueingresshost, KYV restrict-ingress-wildcard]
#   profiles: [recommended]
package palisade.kubernetes.ingress_host

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	some rule in cluster.get_array(ing, ["spec", "rules"])
	not has_host(rule)
	msg := sprintf("Ingress \"%s\" has a rule without a host, matching any host name", [cluster.name_of(ing)])
	res := result.new(msg, rule)
}

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	some rule in cluster.get_array(ing, ["spec", "rules"])
	has_host(rule)
	contains(rule.host, "*")
	msg := sprintf("Ingress \"%s\" uses the wildcard host \"%s\"", [cluster.name_of(ing), rule.host])
	res := result.new(msg, rule)
}

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	some rule in cluster.get_array(ing, ["spec", "rules"])
	has_host(rule)
	some other in cluster.other_objects("Ingress")
	object.get(other, ["spec", "ingressClassName"], "") == object.get(ing, ["spec", "ingressClassName"], "")
	some other_rule in cluster.get_array(other, ["spec", "rules"])
	other_rule.host == rule.host
	shared := paths(rule) & paths(other_rule)
	count(shared) > 0
	msg := sprintf("Ingress \"%s\" routes host \"%s\" path %s, which Ingress \"%s\" in namespace \"%s\" also routes", [cluster.name_of(ing), rule.host, concat(", ", sort(shared)), cluster.name_of(other), cluster.namespace_of(other)])
	res := result.new(msg, rule)
}

has_host(rule) if {
	is_string(rule.host)
	rule.host != ""
}

# A rule without HTTP paths is treated as routing "/".
paths(rule) := {object.get(p, "path", "/") | some p in cluster.get_array(rule, ["http", "paths"])} if {
	count(cluster.get_array(rule, ["http", "paths"])) > 0
} else := {"/"}
