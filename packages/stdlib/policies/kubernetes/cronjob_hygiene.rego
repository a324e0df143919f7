# METADATA
# title: CronJob or Job misconfigured
# description: >-
#   A CronJob has no `startingDeadlineSeconds` (after controller downtime it may count more than
#   100 missed runs and stop scheduling), or a Job's pods use a restartPolicy other than
#   OnFailure or Never.
# custom:
#   id: KW-062
#   severity: INFO
#   input: [kubernetes]
#   remediation: Set `startingDeadlineSeconds` on CronJobs, and `restartPolicy` OnFailure or Never in the job's pod template.
#   references:
#     - https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#job-creation
#     - https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template
#   related: [kube-score:cronjob-has-deadline, kube-score:cronjob-restartpolicy]
#   profiles: []
package palisade.kubernetes.cronjob_hygiene

import rego.v1

import data.palisade.lib.kubernetes as k8s

deny contains res if {
	k8s.in_scope
	k8s.kind == "CronJob"
	not is_number(object.get(k8s.object, ["spec", "startingDeadlineSeconds"], null))
	res := result.new(sprintf("%s sets no startingDeadlineSeconds", [k8s.resource_label]), k8s.object.spec)
}

deny contains res if {
	k8s.in_scope
	k8s.kind in {"CronJob", "Job"}
	policy := object.get(k8s.pod_spec, "restartPolicy", "Always")
	not policy in {"OnFailure", "Never"}
	res := result.new(sprintf("%s pods use restartPolicy %v; jobs need OnFailure or Never", [k8s.resource_label, policy]), k8s.pod_spec)
}
