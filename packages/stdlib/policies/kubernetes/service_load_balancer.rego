# METADATA
# title: Service of type LoadBalancer
# description: >-
#   A Service of type LoadBalancer asks the cloud provider for an external load balancer, usually
#   reachable from the internet. Internal load balancers (the AWS, GCP, Azure and OCI internal
#   annotations) are not reported; set service_allow_load_balancer to true where external load
#   balancers are the reviewed way to expose services.
# custom:
#   id: KC-032
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Expose HTTP services through an Ingress or Gateway; when a LoadBalancer is needed, make it
#     internal or restrict it with loadBalancerSourceRanges.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
#     - https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer
#   related: [GK block-loadbalancer-services, KYV restrict-loadbalancer]
#   profiles: []
package palisade.kubernetes.service_load_balancer

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

# Annotations that make the cloud provider create an internal load balancer, with the values
# that do so (lower case).
internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"networking.gke.io/load-balancer-type": {"internal"},
	"cloud.google.com/load-balancer-type": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/oci-load-balancer-internal": {"true"},
}

is_internal(svc) if {
	some key, values in internal_annotations
	v := cluster.annotations_of(svc)[key]
	is_string(v)
	lower(v) in values
}

deny contains res if {
	svc := kubernetes.object
	svc.kind == "Service"
	svc.spec.type == "LoadBalancer"
	not config.get("service_allow_load_balancer", false) == true
	not is_internal(svc)
	msg := sprintf("Service \"%s\" is of type LoadBalancer%s", [cluster.name_of(svc), ranges_note(svc)])
	res := cluster.result_at(msg, ["spec", "type"])
}

ranges_note(svc) := "" if {
	count(cluster.get_array(svc, ["spec", "loadBalancerSourceRanges"])) > 0
} else := " reachable from any address (no loadBalancerSourceRanges)"
