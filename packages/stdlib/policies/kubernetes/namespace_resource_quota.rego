# METADATA
# title: Namespace without a complete ResourceQuota
# description: >-
#   A Namespace document with no ResourceQuota in the scan, or a ResourceQuota whose namespace
#   (all its quotas in the scan together) sets no hard limit for one of namespace_quota_resources
#   (default requests.cpu, requests.memory, limits.cpu, limits.memory; cpu and memory count as
#   requests.cpu and requests.memory). Without quotas one workload can exhaust the cluster.
#   Namespaces in cluster_exempt_namespaces are skipped.
# custom:
#   id: KC-050
#   severity: LOW
#   input: [kubernetes]
#   remediation: >-
#     Add a ResourceQuota to every application namespace with hard limits for CPU and memory
#     requests and limits.
#   references:
#     - https://kubernetes.io/docs/concepts/policy/resource-quotas/
#     - https://avd.aquasec.com/misconfig/ksv040
#   related: [KSV-0040, KYV add-ns-quota]
#   profiles: [recommended]
package palisade.kubernetes.namespace_resource_quota

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

required := {r | some r in config.get("namespace_quota_resources", ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"])}

aliases := {"cpu": "requests.cpu", "memory": "requests.memory"}

deny contains res if {
	ns_obj := kubernetes.object
	ns_obj.kind == "Namespace"
	ns := cluster.name_of(ns_obj)
	not cluster.exempt_namespace(ns)
	count(cluster.objects_in("ResourceQuota", ns)) == 0
	msg := sprintf("Namespace \"%s\" has no ResourceQuota", [ns])
	res := result.new(msg, ns_obj)
}

deny contains res if {
	quota := kubernetes.object
	quota.kind == "ResourceQuota"
	ns := cluster.namespace_of(quota)
	not cluster.exempt_namespace(ns)
	quotas := array.concat([quota], cluster.objects_in("ResourceQuota", ns))
	limited := {canonical(k) | some q in quotas; some k, _ in cluster.get_object(q, ["spec", "hard"])}
	missing := required - limited
	count(missing) > 0
	msg := sprintf("ResourceQuota \"%s\" leaves %s of namespace \"%s\" unlimited", [cluster.name_of(quota), concat(", ", sort(missing)), ns])
	res := result.new(msg, quota)
}

canonical(k) := aliases[k] if aliases[k] else := k
