# METADATA
# title: Service sets externalIPs
# description: >-
#   A Service lists spec.externalIPs. Whoever can create or change Services can claim any IP
#   address this way and intercept traffic the cluster sends to it (CVE-2020-8554). Addresses in
#   service_allowed_external_ips are accepted.
# custom:
#   id: KC-030
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     Remove externalIPs and expose the Service through a LoadBalancer or Ingress; block the field
#     cluster-wide with the DenyServiceExternalIPs admission plugin.
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
#     - https://github.com/kubernetes/kubernetes/issues/97076
#     - https://avd.aquasec.com/misconfig/ksv108
#   related: [KSV-0108, GK externalip, KYV restrict-service-external-ips]
#   profiles: [recommended]
package palisade.kubernetes.service_external_ips

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	svc := kubernetes.object
	svc.kind == "Service"
	some i, ip in cluster.get_array(svc, ["spec", "externalIPs"])
	not ip in config.get("service_allowed_external_ips", [])
	msg := sprintf("Service \"%s\" claims the external IP %v", [cluster.name_of(svc), ip])
	res := cluster.result_at(msg, ["spec", "externalIPs", i])
}
