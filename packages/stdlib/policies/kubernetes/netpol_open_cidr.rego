# METADATA
# title: NetworkPolicy allows traffic from or to any address
# description: >-
#   A NetworkPolicy ingress or egress peer uses an ipBlock of 0.0.0.0/0 or ::/0 (any prefix length
#   0) without except entries, so the selected pods accept traffic from, or send traffic to, the
#   whole internet and every internal network, including the cloud metadata endpoint.
# custom:
#   id: KC-023
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Allow the specific CIDRs the pods talk to; when internet access is really needed, list the
#     private ranges and the metadata address (169.254.169.254/32) under except.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
#     - https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
#   related: []
#   profiles: [recommended]
package palisade.kubernetes.netpol_open_cidr

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	np := kubernetes.object
	np.kind == "NetworkPolicy"
	some type in cluster.policy_types(np)
	some rule in cluster.policy_rules(np, type)
	some peer in cluster.get_array(rule, cluster.peer_field[type])
	block := peer.ipBlock
	open_cidr(block.cidr)
	count(cluster.get_array(block, "except")) == 0
	msg := sprintf("NetworkPolicy \"%s\" allows %s %s %s without exceptions", [cluster.name_of(np), lower(type), direction[type], block.cidr])
	res := result.new(msg, block)
}

direction := {"Ingress": "from", "Egress": "to"}

open_cidr(cidr) if {
	is_string(cidr)
	parts := split(trim_space(cidr), "/")
	count(parts) == 2
	to_number(parts[1]) == 0
}
