# METADATA
# title: Probe or lifecycle hook targets another host
# description: >-
#   A probe or lifecycle hook sets `httpGet.host` or `tcpSocket.host`, so the kubelet sends
#   requests from the node to an arbitrary address (a server-side request forgery channel).
# custom:
#   id: KW-027
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Remove the `host` field; probes and hooks then target the pod's own IP.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://github.com/kubernetes/enhancements/issues/4940
#   related: [PSS-B:hostProbesAndHostLifecycle]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.probe_host

import rego.v1

import data.palisade.lib.kubernetes as k8s

# A control of PSS v1.34+.
handlers(c) := array.concat(
	[[name, h] | some name in ["livenessProbe", "readinessProbe", "startupProbe"]; h := c[name]; is_object(h)],
	[[concat(".", ["lifecycle", name]), h] | some name in ["postStart", "preStop"]; h := c.lifecycle[name]; is_object(h)],
)

deny contains res if {
	k8s.in_scope
	k8s.pss_at_least(34)
	some entry in k8s.containers
	some [where, handler] in handlers(entry.container)
	some action in ["httpGet", "tcpSocket"]
	host := handler[action].host
	is_string(host)
	host != ""
	res := result.new(sprintf("%s: %s.%s targets host %s", [k8s.describe(entry), where, action, host]), handler[action])
}
