# METADATA
# title: RBAC role can change ConfigMaps
# description: >-
#   A Role or ClusterRole can create, update, patch or delete ConfigMaps. ConfigMaps often steer
#   what workloads run and whom they trust; on EKS the aws-auth ConfigMap in kube-system maps IAM
#   identities to cluster users and groups, so write access to it (a ClusterRole, or a kube-system
#   Role without resourceNames or naming aws-auth) amounts to cluster-admin. Such findings say so
#   in their message; treat them as CRITICAL.
# custom:
#   id: KC-014
#   severity: MEDIUM
#   input: [kubernetes]
#   remediation: >-
#     Grant ConfigMap write access only to the owners of specific ConfigMaps (resourceNames);
#     never to aws-auth outside the cluster administrators. On EKS prefer access entries over
#     aws-auth.
#   references:
#     - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
#     - https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html
#     - https://avd.aquasec.com/misconfig/ksv049
#     - https://avd.aquasec.com/misconfig/ksv115
#   related: [KSV-0049, KSV-0115]
#   profiles: [recommended]
package palisade.kubernetes.rbac_configmap_write

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes

deny contains res if {
	role := kubernetes.object
	cluster.is_role(role)
	some g in cluster.grants(role, [""], ["configmaps"], cluster.write_verbs)
	msg := sprintf("%s grants %s%s", [cluster.describe(role), cluster.describe_grant(g), aws_auth_note(role, g.rule)])
	res := result.new(msg, g.rule)
}

aws_auth_note(role, rule) := " (this includes the EKS aws-auth ConfigMap in kube-system: critical)" if {
	covers_kube_system(role)
	covers_aws_auth(rule)
} else := ""

covers_kube_system(role) if role.kind == "ClusterRole"

covers_kube_system(role) if cluster.namespace_of(role) == "kube-system"

covers_aws_auth(rule) if count(cluster.string_items(rule, "resourceNames")) == 0

covers_aws_auth(rule) if "aws-auth" in cluster.string_items(rule, "resourceNames")
