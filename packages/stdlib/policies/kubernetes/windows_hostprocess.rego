# METADATA
# title: Windows HostProcess container
# description: >-
#   The pod or a container sets `windowsOptions.hostProcess: true`: the container runs as a
#   process directly on the Windows node, with the host's network and file system.
# custom:
#   id: KW-026
#   severity: HIGH
#   input: [kubernetes]
#   remediation: Remove `securityContext.windowsOptions.hostProcess` (or set it to false).
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/
#     - https://avd.aquasec.com/misconfig/ksv103
#   related: [KSV-0103, PSS-B:windowsHostProcess, polaris:hostProcess]
#   profiles: [recommended, pss-baseline, pss-restricted]
package palisade.kubernetes.windows_hostprocess

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.pod_security_context.windowsOptions.hostProcess == true
	res := result.new(sprintf("%s runs as a Windows HostProcess pod (windowsOptions.hostProcess: true)", [k8s.resource_label]), k8s.pod_security_context)
}

deny contains res if {
	k8s.in_scope
	some entry in k8s.containers
	k8s.security_context(entry.container).windowsOptions.hostProcess == true
	res := result.new(sprintf("%s runs as a Windows HostProcess container (windowsOptions.hostProcess: true)", [k8s.describe(entry)]), entry.container)
}
