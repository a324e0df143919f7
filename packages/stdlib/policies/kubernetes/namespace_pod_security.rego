# METADATA
# title: Namespace without Pod Security Standards enforcement
# description: >-
#   A Namespace without the pod-security.kubernetes.io/enforce label, or with a level below
#   namespace_psa_minimum_level (default baseline; privileged or an unknown value). Pod Security
#   admission then admits privileged pods (host namespaces, hostPath, privileged containers) into
#   the namespace. Namespaces in cluster_exempt_namespaces are skipped.
# custom:
#   id: KC-052
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Label the namespace pod-security.kubernetes.io/enforce=baseline (or restricted), after
#     checking its workloads with the warn and audit modes.
#   references:
#     - https://kubernetes.io/docs/concepts/security/pod-security-admission/
#     - https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/
#   related: [KYV psa]
#   profiles: [recommended]
package palisade.kubernetes.namespace_pod_security

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

label := "pod-security.kubernetes.io/enforce"

levels := {"privileged": 0, "baseline": 1, "restricted": 2}

minimum := levels[config.get("namespace_psa_minimum_level", "baseline")]

deny contains res if {
	ns_obj := kubernetes.object
	ns_obj.kind == "Namespace"
	ns := cluster.name_of(ns_obj)
	not cluster.exempt_namespace(ns)
	not cluster.labels_of(ns_obj)[label]
	msg := sprintf("Namespace \"%s\" has no %s label", [ns, label])
	res := cluster.result_at(msg, ["metadata", "labels", label])
}

deny contains res if {
	ns_obj := kubernetes.object
	ns_obj.kind == "Namespace"
	ns := cluster.name_of(ns_obj)
	not cluster.exempt_namespace(ns)
	level := cluster.labels_of(ns_obj)[label]
	not object.get(levels, level, -1) >= minimum
	msg := sprintf("Namespace \"%s\" enforces the Pod Security level \"%v\", below %s", [ns, level, config.get("namespace_psa_minimum_level", "baseline")])
	res := cluster.result_at(msg, ["metadata", "labels", label])
}
