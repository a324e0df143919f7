/**
 * The pods benchmark's input generator and policy, shared by bench/run.ts (engine throughput) and
 * bench/vs-opa.ts (side by side with the reference OPA): 12 `deny` rules over pods and containers.
 */
export function pods(n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const containers = [];
    for (let j = 0; j < 3; j++) {
      containers.push({
        name: `c${j}`,
        image: j === 0 && i % 7 === 0 ? `nginx:latest` : `registry.example.com/app/svc${i % 50}:1.${j}.${i % 10}`,
        securityContext: {
          privileged: i % 13 === 0 && j === 1,
          allowPrivilegeEscalation: i % 5 === 0,
          runAsNonRoot: i % 3 !== 0,
          readOnlyRootFilesystem: i % 4 !== 0,
          capabilities: { add: i % 11 === 0 ? ['SYS_ADMIN'] : [], drop: ['ALL'] },
        },
        resources: i % 6 === 0 ? {} : { limits: { cpu: '500m', memory: '256Mi' } },
        ports: [{ containerPort: 8080 + j, hostPort: i % 17 === 0 ? 80 : undefined }].map((p) => JSON.parse(JSON.stringify(p))),
        env: [{ name: 'MODE', value: 'prod' }, ...(i % 19 === 0 ? [{ name: 'DB_PASSWORD', value: 'hunter2' }] : [])],
      });
    }
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}`, namespace: `ns-${i % 20}`, labels: { app: `svc${i % 50}` } },
      spec: { hostNetwork: i % 23 === 0, hostPID: false, containers },
    });
  }
  return out;
}

export const POLICY = `package bench

import rego.v1

containers contains c if {
	some pod in input.items
	some c in pod.spec.containers
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	c.securityContext.privileged
	msg := sprintf("%s/%s: privileged container %s", [pod.metadata.namespace, pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	endswith(c.image, ":latest")
	msg := sprintf("%s: image %s uses latest", [pod.metadata.name, c.image])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	c.securityContext.allowPrivilegeEscalation == true
	msg := sprintf("%s: %s allows privilege escalation", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.securityContext.runAsNonRoot
	msg := sprintf("%s: %s may run as root", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.securityContext.readOnlyRootFilesystem
	msg := sprintf("%s: %s has a writable root filesystem", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	some cap in c.securityContext.capabilities.add
	cap in {"SYS_ADMIN", "NET_ADMIN", "ALL"}
	msg := sprintf("%s: %s adds %s", [pod.metadata.name, c.name, cap])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.resources.limits.memory
	msg := sprintf("%s: %s has no memory limit", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not c.resources.limits.cpu
	msg := sprintf("%s: %s has no cpu limit", [pod.metadata.name, c.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	some p in c.ports
	p.hostPort
	msg := sprintf("%s: %s uses hostPort %d", [pod.metadata.name, c.name, p.hostPort])
}

deny contains msg if {
	some pod in input.items
	pod.spec.hostNetwork
	msg := sprintf("%s: uses the host network", [pod.metadata.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	some e in c.env
	regex.match("(?i)(password|secret|token)", e.name)
	msg := sprintf("%s: %s sets secret-looking env %s", [pod.metadata.name, c.name, e.name])
}

deny contains msg if {
	some pod in input.items
	some c in pod.spec.containers
	not startswith(c.image, "registry.example.com/")
	msg := sprintf("%s: %s uses an untrusted registry", [pod.metadata.name, c.name])
}
`;
