package palisade.compose.devices_test

import rego.v1

import data.palisade.compose.devices as policy

test_device_denied if {
	some r in policy.deny with input as {"services": {"gpu": {"devices": ["/dev/dri:/dev/dri"]}}}
	r.msg == `service "gpu" passes host device /dev/dri:/dev/dri into the container`
	r.path == ["services", "gpu", "devices", 0]
}

test_long_syntax_denied if {
	count(policy.deny) == 1 with input as {"services": {"a": {"devices": [{"source": "/dev/ttyUSB0", "target": "/dev/ttyUSB0", "permissions": "rwm"}]}}}
}

test_no_devices_passes if {
	count(policy.deny) == 0 with input as {"services": {"a": {"image": "x:1"}, "b": {"devices": []}}}
}
