# METADATA
# title: Service account token mounted
# description: >-
#   The pod gets its service account token mounted by default: automountServiceAccountToken is
#   set neither on the pod nor on its ServiceAccount (when that is part of the scan), so a
#   compromised container can call the Kubernetes API with the pod's identity although nobody
#   decided it should. An explicit `true` is a decision and is not reported.
# custom:
#   id: KW-032
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Set `automountServiceAccountToken: false` on the pod (or its ServiceAccount) unless it talks to the API server.
#   references:
#     - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#     - https://avd.aquasec.com/misconfig/ksv036
#   related: [KSV-0036, kubesec:AutomountServiceAccountToken, polaris:automountServiceAccountToken, CKV_K8S_38, gatekeeper:automount-serviceaccount-token]
#   profiles: [recommended]
package palisade.kubernetes.sa_token_automount

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes as k8s

# Only the implicit default is reported: `automountServiceAccountToken: true` written on the pod
# or on its ServiceAccount is an explicit, reviewable decision (a controller that calls the API
# needs its token), and `false` on either opts out. The pod-level field wins over the account's.
deny contains res if {
	k8s.in_scope
	not is_boolean(object.get(k8s.pod_spec, "automountServiceAccountToken", null))
	not service_account_decides
	res := result.new(sprintf("%s mounts the token of service account \"%s\" by default (automountServiceAccountToken is not set)", [k8s.resource_label, k8s.service_account]), k8s.pod_spec)
}

service_account_decides if {
	some sa in cluster.objects_in("ServiceAccount", k8s.namespace)
	sa.metadata.name == k8s.service_account
	is_boolean(sa.automountServiceAccountToken)
}
