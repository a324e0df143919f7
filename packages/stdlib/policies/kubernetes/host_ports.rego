# METADATA
# title: Host port used
# description: >-
#   A container binds a `hostPort`, which exposes it on the node's address, bypasses
#   NetworkPolicy on many CNIs and ties the pod to nodes where the port is free.
# custom:
#   id: KW-006
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Remove `hostPort` and expose the pod through a Service; if a host port is unavoidable,
#     add it to the `allowed_host_ports` configuration list.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/concepts/configuration/overview/#services
#     - https://avd.aquasec.com/misconfig/ksv024
#   related: [KSV-0024, PSS-B:hostPorts, CKV_K8S_26, polaris:hostPortSet]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.host_ports

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes as k8s

# allowed_host_ports: host ports accepted anyway (PSS allows an allowlist); default none.
deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	some port in entry.container.ports
	hp := port.hostPort
	is_number(hp)
	hp != 0
	not hp in config.get("allowed_host_ports", [])
	res := result.new(sprintf("%s binds host port %d", [k8s.describe(entry), hp]), port)
}
