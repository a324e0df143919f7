# METADATA
# title: Container listens on a privileged port
# description: >-
#   A container port is below 1024. Binding it needs root or NET_BIND_SERVICE inside the
#   container, which makes running as a non-root user harder.
# custom:
#   id: KW-051
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Listen on a port of 1024 or above and map the privileged port in the Service (`port: 80, targetPort: 8080`).
#   references:
#     - https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
#     - https://avd.aquasec.com/misconfig/ksv117
#   related: [KSV-0117]
#   profiles: []
package palisade.kubernetes.privileged_port

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some port in entry.container.ports
	p := port.containerPort
	is_number(p)
	p > 0
	p < 1024
	res := result.new(sprintf("%s listens on privileged port %d", [k8s.describe(entry), p]), port)
}
