# METADATA
# title: hostPath volume
# description: >-
#   The pod mounts a `hostPath` volume: a directory or file of the node's filesystem, which can
#   leak node data or let the container tamper with the node.
# custom:
#   id: KW-007
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: Replace the hostPath volume with an emptyDir, configMap, secret or persistentVolumeClaim.
#   references:
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     - https://avd.aquasec.com/misconfig/ksv023
#   related: [KSV-0023, PSS-B:hostPathVolumes, polaris:hostPathSet]
#   profiles: [recommended, pss-baseline]
package palisade.kubernetes.hostpath

import rego.v1

import data.palisade.lib.kubernetes as k8s

# Not in pss-restricted: KW-028 (volume types) covers hostPath there, as PSA's restrictedVolumes
# overrides hostPathVolumes.
deny contains res if {
	k8s.in_scope
	some v in k8s.volumes
	is_object(v.hostPath)
	res := result.new(sprintf("%s mounts hostPath volume \"%s\" (%s)", [k8s.resource_label, object.get(v, "name", ""), object.get(v.hostPath, "path", "")]), v)
}
