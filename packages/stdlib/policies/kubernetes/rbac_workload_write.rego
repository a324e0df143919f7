# METADATA
# title: RBAC role can create or change workloads
# description: >-
#   A Role or ClusterRole can create, update or patch pods or pod controllers (Deployments,
#   StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs). Whoever can
#   create a pod can run any image with any service account of the namespace and read every Secret
#   it may mount, unless admission control restricts the pod spec.
# custom:
#   id: KC-012
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Give workload write access only to deployment pipelines and controllers, scoped to their
#     namespaces, and enforce Pod Security admission in those namespaces.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation
#     - https://avd.aquasec.com/misconfig/ksv048
#   related: [KSV-0048]
#   profiles: []
package palisade.kubernetes.rbac_workload_write

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

groups := ["", "apps", "batch"]

resources := ["pods", "deployments", "statefulsets", "daemonsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs"]

verbs := ["create", "update", "patch"]

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, groups, resources, verbs)
	msg := sprintf("%s grants %s", [cluster.describe(role), cluster.describe_grant(g)])
	res := result.new(msg, g.rule)
}
