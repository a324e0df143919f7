# METADATA
# title: Cluster-level Kubernetes helpers
# description: >-
#   Lookups across the scan's documents (data.palisade.inventory) for checks that relate one
#   resource to others: label selectors, NetworkPolicy selection and default-deny detection, RBAC
#   rule matching and roleRef resolution, namespace-level exemptions and service-mesh enrollment.
package palisade.lib.cluster

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.kubernetes

# --- scan inventory ---------------------------------------------------------------------------

inventory := inv if {
	inv := data.palisade.inventory
	is_array(inv)
} else := []

# Inventory entries holding a Kubernetes resource.
resources := [e | some e in inventory; e.kind == "kubernetes"; is_object(e.value)]

# The entry of the document under evaluation: matched by path and index when the scanner
# provides data.palisade.document, otherwise by value.
is_self(e) if {
	d := data.palisade.document
	e.path == d.path
	e.index == d.index
}

is_self(e) if {
	not data.palisade.document
	e.value == kubernetes.object
}

# Inventory entries of the given kind: read only the inventory, so computed once per scan and kind.
entries_of(kind) := [e | some e in resources; e.value.kind == kind]

# Resources of the given kind (values), including the one under evaluation.
objects(kind) := [e.value | some e in entries_of(kind)]

objects_in(kind, ns) := [v | some v in objects(kind); namespace_of(v) == ns]

# Resources of the given kind other than the one under evaluation.
# (Per document, since it excludes the document's own entry: it walks only the entries of the kind.)
other_objects(kind) := [e.value | some e in entries_of(kind); not is_self(e)]

# --- accessors for any resource -----------------------------------------------------------------

kind_of(obj) := k if {
	k := obj.kind
	is_string(k)
} else := ""

name_of(obj) := n if {
	n := obj.metadata.name
	is_string(n)
} else := ""

# Unset means "default", where kubectl applies a manifest without a namespace by default.
namespace_of(obj) := ns if {
	ns := obj.metadata.namespace
	is_string(ns)
	ns != ""
} else := "default"

labels_of(obj) := l if {
	l := obj.metadata.labels
	is_object(l)
} else := {}

annotations_of(obj) := a if {
	a := obj.metadata.annotations
	is_object(a)
} else := {}

# API group of apiVersion ("" for the core group).
api_group(obj) := g if {
	parts := split(obj.apiVersion, "/")
	count(parts) == 2
	g := parts[0]
} else := ""

# `ClusterRole "ci-deployer"`
describe(obj) := sprintf("%s \"%s\"", [kind_of(obj), name_of(obj)])

as_object(x) := x if is_object(x) else := {}

# The object/array at path in obj; {} / [] when missing, null or of another type.
get_object(obj, path) := x if {
	x := object.get(obj, path, null)
	is_object(x)
} else := {}

get_array(obj, path) := x if {
	x := object.get(obj, path, null)
	is_array(x)
} else := []

# The string items of the array at path in obj.
string_items(obj, path) := [s | some s in get_array(obj, path); is_string(s)]

# A finding on a scalar field of the resource under evaluation: scalars cannot be traced back to
# their lines by identity, so the result also carries the field's JSON path.
result_at(msg, path) := object.union(result.new(msg, object.get(kubernetes.object, path, null)), {"path": array.concat(kubernetes.object_path, path)})

# --- workloads ----------------------------------------------------------------------------------

template_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

is_workload(obj) if kubernetes.workload_kinds[kind_of(obj)]

# Labels of the pods a workload creates (the Pod's own labels for a Pod).
pod_labels_of(obj) := labels_of(obj) if {
	obj.kind == "Pod"
} else := l if {
	obj.kind == "CronJob"
	l := obj.spec.jobTemplate.spec.template.metadata.labels
	is_object(l)
} else := l if {
	template_kinds[obj.kind]
	l := obj.spec.template.metadata.labels
	is_object(l)
} else := {}

workloads_in(ns) := [v | some e in resources; v := e.value; is_workload(v); namespace_of(v) == ns]

# --- label selectors ----------------------------------------------------------------------------

# A metav1.LabelSelector (matchLabels + matchExpressions) selects the labels. An empty selector
# selects everything; a null or missing one is treated as empty.
selector_matches(selector, labels) if {
	sel := as_object(selector)
	every k, v in get_object(sel, "matchLabels") {
		labels[k] == v
	}
	every expr in get_array(sel, "matchExpressions") {
		expression_matches(expr, labels)
	}
}

expression_matches(expr, labels) if {
	expr.operator == "In"
	labels[expr.key] in get_array(expr, "values")
}

expression_matches(expr, labels) if {
	expr.operator == "NotIn"
	not object.get(labels, expr.key, null) in get_array(expr, "values")
}

expression_matches(expr, labels) if {
	expr.operator == "Exists"
	_ = labels[expr.key]
}

expression_matches(expr, labels) if {
	expr.operator == "DoesNotExist"
	not has_key(labels, expr.key)
}

has_key(obj, key) if _ = obj[key]

selector_is_empty(selector) if {
	sel := as_object(selector)
	count(get_object(sel, "matchLabels")) == 0
	count(get_array(sel, "matchExpressions")) == 0
}

# A plain map selector (Service spec.selector, ReplicationController): every pair must match.
map_selector_matches(selector, labels) if {
	every k, v in as_object(selector) {
		labels[k] == v
	}
}

# --- NetworkPolicy ------------------------------------------------------------------------------

pod_selector(np) := get_object(np, ["spec", "podSelector"])

# Policy types in effect: spec.policyTypes, or Kubernetes' default (Ingress, plus Egress when
# egress rules are present).
policy_types(np) := {t | some t in string_items(np, ["spec", "policyTypes"])} if {
	is_array(np.spec.policyTypes)
} else := {"Ingress", "Egress"} if {
	count(get_array(np, ["spec", "egress"])) > 0
} else := {"Ingress"}

# Field holding the rules of a policy type, and the peers field of such a rule.
rule_field := {"Ingress": "ingress", "Egress": "egress"}

peer_field := {"Ingress": "from", "Egress": "to"}

policy_rules(np, type) := get_array(np, ["spec", rule_field[type]])

# The policy denies all traffic of `type` to/from every pod of its namespace: empty pod
# selector, the type in effect and no rule of that type.
denies_all(np, type) if {
	selector_is_empty(pod_selector(np))
	policy_types(np)[type]
	count(policy_rules(np, type)) == 0
}

# Policy types (of `types`) some NetworkPolicy of the namespace denies by default.
default_deny_types(ns) := {t |
	some np in objects_in("NetworkPolicy", ns)
	some t, _ in rule_field
	denies_all(np, t)
}

# NetworkPolicies of the namespace whose pod selector selects the labels.
policies_selecting(ns, labels) := [np | some np in objects_in("NetworkPolicy", ns); selector_matches(pod_selector(np), labels)]

# A rule with no peers and no ports admits all traffic on all ports.
allow_all_rule(rule, type) if {
	count(get_array(rule, peer_field[type])) == 0
	count(get_array(rule, "ports")) == 0
}

# --- namespaces ---------------------------------------------------------------------------------

# Namespaces that namespace-level checks (default deny, quotas, PSA labels, mesh) skip.
exempt_namespace(ns) if ns in config.get("cluster_exempt_namespaces", ["kube-system", "kube-public", "kube-node-lease"])

# The scan holds a Namespace document for ns.
namespace_declared(ns) if {
	some n in objects("Namespace")
	name_of(n) == ns
}

# --- RBAC ---------------------------------------------------------------------------------------

is_role(obj) if kind_of(obj) in {"Role", "ClusterRole"}

is_binding(obj) if kind_of(obj) in {"RoleBinding", "ClusterRoleBinding"}

rules_of(obj) := [r | some r in get_array(obj, "rules"); is_object(r)]

# A rule without apiGroups only covers the core group.
rule_groups(rule) := string_items(rule, "apiGroups") if is_array(rule.apiGroups) else := [""]

matches_group(rule, group) if {
	some g in rule_groups(rule)
	g in {"*", group}
}

matches_any_group(rule, groups) if {
	some g in groups
	matches_group(rule, g)
}

# Resource matching as the RBAC authorizer does it: exact name, `*`, or `*/sub` for a subresource.
matches_resource(rule, resource) if {
	some r in string_items(rule, "resources")
	r in {"*", resource}
}

matches_resource(rule, resource) if {
	parts := split(resource, "/")
	count(parts) == 2
	some r in string_items(rule, "resources")
	r == concat("/", ["*", parts[1]])
}

matches_verb(rule, verb) if {
	some v in string_items(rule, "verbs")
	v in {"*", verb}
}

# The rules of a Role/ClusterRole granting some verb of `verbs` on some resource of `resources`
# in some group of `groups`: [{rule, index, resources, verbs}] with the matching names sorted.
grants(role, groups, resources, verbs) := [g |
	some i, rule in rules_of(role)
	matches_any_group(rule, groups)
	res := sort({r | some r in resources; matches_resource(rule, r)})
	count(res) > 0
	vs := sort({v | some v in verbs; matches_verb(rule, v)})
	count(vs) > 0
	g := {"rule": rule, "index": i, "resources": res, "verbs": vs}
]

# `get, list on secrets`
describe_grant(g) := sprintf("%s on %s", [concat(", ", g.verbs), concat(", ", g.resources)])

write_verbs := ["create", "update", "patch", "delete", "deletecollection"]

subjects_of(binding) := [s | some s in get_array(binding, "subjects"); is_object(s)]

role_ref_name(binding) := n if {
	n := binding.roleRef.name
	is_string(n)
} else := ""

# Roles of the scan that a binding's roleRef points at (a RoleBinding may reference a Role of
# its own namespace or a ClusterRole; a ClusterRoleBinding only a ClusterRole).
referenced_roles(binding) := [r | some r in objects("ClusterRole"); name_of(r) == role_ref_name(binding)] if {
	binding.roleRef.kind == "ClusterRole"
} else := [r | some r in objects_in("Role", namespace_of(binding)); name_of(r) == role_ref_name(binding)] if {
	binding.roleRef.kind == "Role"
} else := []

# --- service mesh -------------------------------------------------------------------------------

istio_enrolled(ns_obj) if labels_of(ns_obj)["istio-injection"] == "enabled"

istio_enrolled(ns_obj) if {
	rev := labels_of(ns_obj)["istio.io/rev"]
	is_string(rev)
	rev != ""
}

istio_enrolled(ns_obj) if labels_of(ns_obj)["istio.io/dataplane-mode"] == "ambient"

linkerd_enrolled(ns_obj) if annotations_of(ns_obj)["linkerd.io/inject"] in {"enabled", "ingress"}

mesh_enrolled(ns_obj) if istio_enrolled(ns_obj)

mesh_enrolled(ns_obj) if linkerd_enrolled(ns_obj)

mesh_groups := {"istio.io", "linkerd.io"}

is_mesh_resource(obj) if {
	g := api_group(obj)
	some suffix in mesh_groups
	endswith(g, suffix)
}

# A mesh is expected when configured (mesh_required) or when the scan shows one in use: a mesh
# resource or a namespace enrolled in Istio or Linkerd.
mesh_expected if config.get("mesh_required", false) == true

mesh_expected if {
	some e in resources
	is_mesh_resource(e.value)
}

mesh_expected if {
	some n in objects("Namespace")
	mesh_enrolled(n)
}

mesh_exempt_namespace(ns) if ns in config.get("mesh_exempt_namespaces", [
	"kube-system", "kube-public", "kube-node-lease",
	"istio-system", "linkerd", "linkerd-viz", "linkerd-cni",
])
