# METADATA
# title: Kubernetes workload helpers
# description: >-
#   One view of every workload kind (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
#   ReplicationController, Job, CronJob, and the object of an AdmissionReview request): its pod
#   spec, pod metadata, containers of all three lists, the effective security context, the
#   namespace exemption list and the Pod Security Standards version to apply.
package palisade.lib.kubernetes

import rego.v1

import data.palisade.lib.config

# The resource under evaluation. An AdmissionReview carries it in request.object, so policies
# written against a manifest work unchanged behind an admission webhook.
object := input.request.object if {
	input.kind == "AdmissionReview"
	is_object(input.request.object)
} else := input

kind := k if {
	k := object.kind
	is_string(k)
} else := ""

metadata := m if {
	m := object.metadata
	is_object(m)
} else := {}

# Pods created through generateName have no name yet; AdmissionReview then names it in request.name.
name := n if {
	n := metadata.name
	is_string(n)
	n != ""
} else := n if {
	n := input.request.name
	is_string(n)
	n != ""
} else := n if {
	n := metadata.generateName
	is_string(n)
	n != ""
} else := ""

# Unset means "default", the namespace the API server would use.
namespace := ns if {
	ns := metadata.namespace
	is_string(ns)
	ns != ""
} else := ns if {
	ns := input.request.namespace
	is_string(ns)
	ns != ""
} else := "default"

namespace_set if {
	ns := metadata.namespace
	is_string(ns)
	ns != ""
}

namespace_set if {
	ns := input.request.namespace
	is_string(ns)
	ns != ""
}

annotations := a if {
	a := metadata.annotations
	is_object(a)
} else := {}

labels := l if {
	l := metadata.labels
	is_object(l)
} else := {}

# Kinds whose objects carry a pod template (or are a pod).
workload_kinds := {
	"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
	"ReplicationController", "Job", "CronJob",
}

# Controllers that own their pods through spec.template.
template_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

# The pod template (metadata + spec) of a controller, or the Pod itself.
pod_template := object if {
	kind == "Pod"
} else := t if {
	kind == "CronJob"
	t := object.spec.jobTemplate.spec.template
	is_object(t)
} else := t if {
	template_kinds[kind]
	t := object.spec.template
	is_object(t)
}

pod_spec := s if {
	s := pod_template.spec
	is_object(s)
}

# JSON path of pod_spec inside input, for findings reported by path.
pod_spec_path := array.concat(object_path, p) if {
	kind == "Pod"
	p := ["spec"]
} else := array.concat(object_path, p) if {
	kind == "CronJob"
	p := ["spec", "jobTemplate", "spec", "template", "spec"]
} else := array.concat(object_path, ["spec", "template", "spec"])

object_path := ["request", "object"] if {
	input.kind == "AdmissionReview"
	is_object(input.request.object)
} else := []

pod_metadata := m if {
	m := pod_template.metadata
	is_object(m)
} else := {}

pod_annotations := a if {
	a := pod_metadata.annotations
	is_object(a)
} else := {}

pod_labels := l if {
	l := pod_metadata.labels
	is_object(l)
} else := {}

# A workload with a pod spec to check.
is_workload if {
	workload_kinds[kind]
	pod_spec
}

# exempt_namespaces: resources in these namespaces are skipped by every KW check. The default is
# empty, as in Pod Security Admission: exempting kube-system silently would also hide an
# attacker's workload placed there (and KW-053, which reports such workloads).
exempt if {
	namespace in config.get("exempt_namespaces", [])
}

# in_scope: a workload the pod-level checks apply to.
in_scope if {
	is_workload
	not exempt
}

# The three container lists, in the order the kubelet starts them.
container_kinds := ["initContainers", "containers", "ephemeralContainers"]

# Every container as {kind, index, name, container}; `container` is the input object itself,
# so a policy can return it as the finding's cause.
containers contains {"kind": k, "index": i, "name": n, "container": c} if {
	some k in container_kinds
	list := pod_spec[k]
	is_array(list)
	some i, c in list
	is_object(c)
	n := container_name(c)
}

container_name(c) := n if {
	n := c.name
	is_string(n)
} else := ""

kind_words := {
	"initContainers": "init container",
	"containers": "container",
	"ephemeralContainers": "ephemeral container",
}

# `Deployment "web"`
resource_label := sprintf("%s \"%s\"", [kind, name])

# `init container "setup"`
container_label(entry) := sprintf("%s \"%s\"", [kind_words[entry.kind], entry.name])

# `Deployment "web": container "app"`
describe(entry) := sprintf("%s: %s", [resource_label, container_label(entry)])

# --- security context -------------------------------------------------------------------

pod_security_context := sc if {
	sc := pod_spec.securityContext
	is_object(sc)
} else := {}

security_context(c) := sc if {
	sc := c.securityContext
	is_object(sc)
} else := {}

# Fields a container inherits from the pod's securityContext when it does not set them.
inherited_fields := {"runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "appArmorProfile", "windowsOptions"}

# The effective value of a securityContext field for container c: the container's own value
# wins; inherited fields fall back to the pod's. Undefined when neither sets it (null = unset).
effective(c, field) := v if {
	v := security_context(c)[field]
	v != null
} else := v if {
	inherited_fields[field]
	v := pod_security_context[field]
	v != null
}

capabilities(c) := caps if {
	caps := security_context(c).capabilities
	is_object(caps)
} else := {}

added_capabilities(c) := [x | some x in capabilities(c).add; is_string(x)] if {
	is_array(capabilities(c).add)
} else := []

dropped_capabilities(c) := [x | some x in capabilities(c).drop; is_string(x)] if {
	is_array(capabilities(c).drop)
} else := []

# The pod has its own user namespace (spec.hostUsers: false).
user_namespace if pod_spec.hostUsers == false

# A Windows pod (spec.os.name), exempt from some restricted controls since PSS v1.25.
windows_pod if pod_spec.os.name == "windows"

volumes contains v if {
	some v in pod_spec.volumes
	is_object(v)
}

# --- Pod Security Standards version -------------------------------------------------------

# pss_version: "latest" or a Kubernetes minor ("v1.29", "1.29"); the PSS controls use the
# allowed values of that policy version.
pss_minor := m if {
	raw := config.get("pss_version", "latest")
	is_string(raw)
	parts := split(trim_prefix(lower(trim_space(raw)), "v"), ".")
	parts[0] == "1"
	m := to_number(parts[1])
} else := 1000

pss_at_least(minor) if pss_minor >= minor


# A hostPath path with repeated and trailing slashes removed ("//var/run/" → "/var/run").
clean_path(p) := "/" if {
	regex.replace(p, `/+`, "/") == "/"
} else := trim_suffix(regex.replace(p, `/+`, "/"), "/")

# Path p is dir itself or lies below it.
path_within(p, dir) if p == dir

path_within(p, "/") if startswith(p, "/")

path_within(p, dir) if {
	dir != "/"
	startswith(p, concat("", [dir, "/"]))
}

# The service account the pods run as: serviceAccountName, the deprecated serviceAccount, or "default".
service_account := sa if {
	sa := pod_spec.serviceAccountName
	is_string(sa)
	sa != ""
} else := sa if {
	sa := pod_spec.serviceAccount
	is_string(sa)
	sa != ""
} else := "default"

# Container c declares resources[section][name] (e.g. "limits", "memory") with a non-empty value.
has_resource(c, section, name) if {
	v := c.resources[section][name]
	v != null
	v != ""
}

# A finding on a scalar field of the pod spec, located by JSON path (a scalar has no identity).
pod_field_result(msg, field) := {"msg": msg, "path": array.concat(pod_spec_path, [field])}

# JSON path of a container entry's field (`image`, `imagePullPolicy`…) inside input.
container_field_path(entry, field) := array.concat(pod_spec_path, [entry.kind, entry.index, field])

# A finding about a container's image, located at its `image:` line (the line that must change).
image_result(msg, entry) := {"msg": msg, "path": container_field_path(entry, "image")}
