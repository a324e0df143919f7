# METADATA
# title: Ingress without TLS
# description: >-
#   An Ingress has no spec.tls section, or serves a host that none of its tls entries lists (an
#   entry without hosts, or a wildcard entry, covers matching hosts). Traffic to those hosts
#   travels in plain HTTP, exposing credentials and session cookies.
# custom:
#   id: KC-033
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Add a tls entry (with a certificate Secret, e.g. issued by cert-manager) listing every host
#     of the Ingress, and redirect HTTP to HTTPS.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
#     - https://polaris.docs.fairwinds.com/checks/security/
#   related: [POL tlsSettingsMissing, GK httpsonly, KYV require-ingress-https]
#   profiles: [recommended]
package palisade.kubernetes.ingress_tls

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	count(cluster.get_array(ing, ["spec", "tls"])) == 0
	msg := sprintf("Ingress \"%s\" has no TLS configuration", [cluster.name_of(ing)])
	res := result.new(msg, ing)
}

deny contains res if {
	ing := kubernetes.object
	ing.kind == "Ingress"
	tls := cluster.get_array(ing, ["spec", "tls"])
	count(tls) > 0
	some rule in cluster.get_array(ing, ["spec", "rules"])
	host := rule.host
	is_string(host)
	host != ""
	not covered(tls, host)
	msg := sprintf("Ingress \"%s\" serves host \"%s\" without TLS", [cluster.name_of(ing), host])
	res := result.new(msg, rule)
}

covered(tls, _) if {
	some t in tls
	count(cluster.get_array(t, "hosts")) == 0
}

covered(tls, host) if {
	some t in tls
	some h in cluster.get_array(t, "hosts")
	host_matches(h, host)
}

host_matches(pattern, host) if pattern == host

# "*.example.com" covers exactly one label in front of example.com.
host_matches(pattern, host) if {
	startswith(pattern, "*.")
	suffix := substring(pattern, 1, -1)
	endswith(host, suffix)
	not contains(trim_suffix(host, suffix), ".")
}
