# METADATA
# title: Volume type outside the restricted set
# description: >-
#   The pod uses a volume type that the Pod Security Standards restricted profile does not allow
#   inline (hostPath, nfs, iscsi, gitRepo, cloud disks…). Only configMap, csi, downwardAPI,
#   emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret are allowed.
# custom:
#   id: KW-028
#   severity: LOW
#   input: [kubernetes]
#   remediation: Use one of the allowed volume types; reach other storage through a PersistentVolume and a persistentVolumeClaim.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     - https://avd.aquasec.com/misconfig/ksv028
#   related: [KSV-0028, PSS-R:restrictedVolumes]
#   profiles: [pss-restricted]
package palisade.kubernetes.volume_types

import rego.v1

import data.palisade.lib.kubernetes as k8s

# `image` volumes are allowed by Pod Security Admission from Kubernetes 1.33 at every policy version.
allowed := {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"}

deny contains res if {
	k8s.in_scope
	some v in k8s.volumes
	some type, source in v
	type != "name"
	source != null
	not allowed[type]
	res := result.new(sprintf("%s uses restricted volume type %s (volume \"%s\")", [k8s.resource_label, type, object.get(v, "name", "")]), v)
}
