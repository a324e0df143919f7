# METADATA
# title: Service of type NodePort
# description: >-
#   A Service of type NodePort opens its port on every node of the cluster, reachable by anything
#   that can reach a node address and bypassing the ingress layer (TLS, authentication, rate
#   limits).
# custom:
#   id: KC-031
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Use a ClusterIP Service behind an Ingress or Gateway, or a LoadBalancer Service, instead of
#     NodePort.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
#     - https://kube-score.com/
#   related: [KSC service-type, GK block-nodeport-services, KYV restrict-node-port]
#   profiles: [recommended]
package palisade.kubernetes.service_node_port

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	svc := kubernetes.object
	svc.kind == "Service"
	svc.spec.type == "NodePort"
	msg := sprintf("Service \"%s\" is of type NodePort", [cluster.name_of(svc)])
	res := cluster.result_at(msg, ["spec", "type"])
}
