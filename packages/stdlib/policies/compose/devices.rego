# METADATA
# title: Host device passed through to a service
# description: A service maps host devices into the container (`devices`), giving it direct access to hardware or kernel interfaces.
# custom:
#   id: DC-025
#   severity: MEDIUM
#   input: [compose]
#   remediation: Remove the device mapping, or restrict it to the one device needed with read-only permissions (`/dev/x:/dev/x:r`).
#   references:
#     - https://docs.docker.com/reference/compose-file/services/#devices
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CIS-5.18]
#   profiles: [recommended, cis-docker]
package palisade.compose.devices

import rego.v1

import data.palisade.lib.compose

deny contains res if {
	some name, svc in compose.services
	some i, d in svc.devices
	msg := sprintf("%s passes host device %s into the container", [compose.label(name), _text(d)])
	res := compose.finding(msg, name, ["devices", i], d)
}

_text(d) := d if is_string(d)

_text(d) := object.get(d, "source", "(long syntax)") if is_object(d)
