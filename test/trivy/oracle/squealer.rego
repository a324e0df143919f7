package sq

import rego.v1

results := [scan(s) | some s in input.strings]

scan(s) := {"input": s, "transgressionFound": true, "description": data.rules[min(matches)][0]} if {
	matches := [i | some i, r in data.rules; regex.match(r[1], s)]
	count(matches) > 0
} else := {"input": s, "transgressionFound": false, "description": ""}
