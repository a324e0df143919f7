# METADATA
# title: Pod overrides host name resolution
# description: >-
#   The pod sets `hostAliases`, which writes entries into its /etc/hosts and silently redirects
#   names away from DNS (and from any DNS-based policy).
# custom:
#   id: KW-050
#   severity: LOW
#   input: [kubernetes]
#   remediation: Remove `hostAliases` and publish the names in DNS (or a Service).
#   references:
#     - https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/
#     - https://avd.aquasec.com/misconfig/ksv007
#   related: [KSV-0007, kubesec:hostAliases]
#   profiles: []
package palisade.kubernetes.host_aliases

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	aliases := k8s.pod_spec.hostAliases
	is_array(aliases)
	some alias in aliases
	res := result.new(sprintf("%s maps %s to %v through hostAliases", [k8s.resource_label, concat(", ", [h | some h in alias.hostnames; is_string(h)]), object.get(alias, "ip", "")]), alias)
}
