package palisade.kubernetes.host_aliases_test

import rego.v1

import data.palisade.kubernetes.host_aliases as check

test_aliases_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostAliases": [{"ip": "10.0.0.1", "hostnames": ["db", "db.local"]}]}}
	some r in check.deny with input as p
	r.msg == `Pod "p" maps db, db.local to 10.0.0.1 through hostAliases`
}

test_none_allowed if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostAliases": []}}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"hostAliases": null}}
}
