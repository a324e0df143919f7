/**
 * conftest's acceptance suite (`acceptance.bats` and `tests/*\/test.bats` in
 * ../shared/third_party/conftest), translated case by case to palisade commands. Conventions of
 * the translation (docs/migrating-from-conftest.md):
 * - `conftest test` → `palisade scan -o conftest` (conftest's output layout); `--output json` →
 *   `-o conftest-json`; conftest's default `--policy policy` is written out (Palisade's default
 *   is its standard library);
 * - `conftest verify` → `palisade test -o conftest` (`--policy`/`--data` as in conftest);
 * - `conftest parse` → `palisade parse --values`;
 * - exit codes: conftest's 1 for failing policies stays 1; conftest's 1 for an error (bad
 *   flag, missing path, failing unit test) is Palisade's 2.
 * Assertions keep bats' meaning: `output` is stdout and stderr together, `lines` its non-empty
 * lines, `=~ "text"` a substring. A case Palisade fails is listed with `differs` (why).
 */
export interface AcceptanceCase {
  /** The bats file and test name, as in conftest's tree. */
  file: string;
  name: string;
  /** palisade arguments; paths relative to `cwd`. */
  argv?: string[];
  /** Working directory, relative to the conftest tree (default: its root). */
  cwd?: string;
  /** File (relative to the conftest tree) fed to standard input. */
  stdin?: string;
  /** Literal text fed to standard input. */
  stdinText?: string;
  status?: number;
  /** Substrings the output must contain / must not contain. */
  has?: string[];
  hasNot?: string[];
  /** Exact non-empty output lines by index (bats `${lines[i]}`). */
  lines?: Record<number, string>;
  lineCount?: number;
  /** Checks on standard output parsed as JSON (the cases that pipe into jq). */
  json?: (value: unknown) => boolean;
  /** Output must be exactly this. */
  exact?: string;
  /** Set up by the runner: a symbolic link to examples/hcl2 at this path. */
  symlinkToHcl2?: boolean;
  /** No Palisade command corresponds (counted apart, with the reason). */
  untranslatable?: string;
  /** Palisade's translated run fails this case; why. */
  differs?: string;
}

const A = 'acceptance.bats';
const K = ['-p', 'examples/kubernetes/policy'];
const scan = (...a: string[]) => ['scan', '-o', 'conftest', ...a];
const verify = (...a: string[]) => ['test', '-o', 'conftest', ...a];

export const CASES: AcceptanceCase[] = [
  { file: A, name: 'Not fail when testing a service with a warning', argv: scan(...K, 'examples/kubernetes/service.yaml'), status: 0 },
  {
    file: A,
    name: 'Not fail when passed an explicit blank filename',
    argv: scan(...K, 'examples/kubernetes/service.yaml', ''),
    status: 0,
    differs: 'by design: an empty path is an error (exit 2), not silently skipped (never a false green)',
  },
  { file: A, name: 'Fail when testing a deployment with root containers', argv: scan(...K, 'examples/kubernetes/deployment.yaml'), status: 1 },
  { file: A, name: 'Fail when testing a service with warnings', argv: scan('--fail-on-warn', ...K, 'examples/kubernetes/service.yaml'), status: 1 },
  { file: A, name: 'Fail when testing with no policies path', argv: scan('-p', 'internal/', 'examples/kubernetes/deployment.yaml'), status: 2 },
  {
    file: A,
    name: 'Pass when testing a blank namespace',
    argv: scan('--namespace', 'notpresent', ...K, 'examples/kubernetes/deployment.yaml'),
    // Deliberate divergence from conftest (exit 0): a namespace that selects no policy checked nothing,
    // so Palisade exits 2 naming the namespaces found ("never a false green", docs/cli.md).
    status: 2,
  },
  {
    file: A,
    name: 'when testing a YAML document via stdin, default parser should be yaml if no parser flag is passed',
    argv: scan(...K, '-'),
    stdin: 'examples/kubernetes/service.yaml',
    status: 0,
  },
  { file: A, name: 'Pass when testing a YAML document via stdin', argv: scan('--parser', 'yaml', ...K, '-'), stdin: 'examples/kubernetes/service.yaml', status: 0 },
  {
    file: A,
    name: 'Fail due to picking up settings from configuration file',
    cwd: 'examples/configfile',
    argv: scan('deployment.yaml'),
    status: 1,
    has: ['Containers must not run as root'],
  },
  {
    file: A,
    name: 'Fail due to picking up settings from config-file flag',
    argv: scan('--config', 'examples/configfile/conftest.toml', '-p', 'examples/configfile/test', 'examples/configfile/deployment.yaml'),
    status: 1,
    has: ['Containers must not run as root'],
  },
  { file: A, name: 'Has version flag', argv: ['--version'], status: 0 },
  {
    file: A,
    name: 'Test command with multiple input type',
    argv: scan('examples/traefik/traefik.toml', 'examples/kubernetes/service.yaml', ...K),
    status: 0,
    has: ['Found service hello-kubernetes but services are not allowed'],
  },
  {
    file: A,
    name: 'Test command has trace flag',
    argv: scan(...K, 'examples/kubernetes/service.yaml', '--trace'),
    status: 0,
    has: ['data.kubernetes.is_service'],
  },
  {
    file: A,
    name: 'Test command with all namespaces flag',
    argv: scan('-p', 'examples/docker/policy', 'examples/docker/Dockerfile', '--all-namespaces'),
    status: 1,
    has: ['unallowed image found ["openjdk:8-jdk-alpine"]', 'unallowed commands found ["apk add --no-cache python3 python3-dev build-base && pip3 install awscli==1.18.1"]'],
  },
  {
    file: A,
    name: 'Test command works with nested namespaces',
    argv: scan('--namespace', 'main.gke', '-p', 'examples/hcl1/policy/', 'examples/hcl1/gke.tf', '--no-color'),
    status: 1,
    lines: { 1: '1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions' },
  },
  {
    file: A,
    name: 'Test command matches a single namespace literally',
    argv: scan('-p', 'examples/docker/policy', 'examples/docker/Dockerfile', '--namespace', 'main'),
    status: 1,
    has: ['unallowed image found'],
    hasNot: ['unallowed commands found'],
  },
  {
    file: A,
    name: 'Test command matches every namespace with a wildcard',
    argv: scan('-p', 'examples/docker/policy', 'examples/docker/Dockerfile', '--namespace', '*'),
    status: 1,
    has: ['unallowed image found', 'unallowed commands found'],
  },
  {
    file: A,
    name: 'Test command matches namespaces with a wildcard prefix',
    argv: scan('-p', 'examples/docker/policy', 'examples/docker/Dockerfile', '--namespace', 'c*'),
    status: 1,
    has: ['unallowed commands found'],
    hasNot: ['unallowed image found'],
  },
  {
    file: A,
    name: 'Verify command has trace flag',
    argv: verify('--policy', './examples/kubernetes/policy', '--trace'),
    status: 0,
    has: ['data.kubernetes.is_service'],
  },
  { file: A, name: 'Verify command matches a namespace literally', argv: verify('--policy', './examples/kubernetes/policy', '--namespace', 'main'), status: 0, has: ['4 tests, 4 passed'] },
  { file: A, name: 'Verify command matches namespaces with a wildcard', argv: verify('--policy', './examples/kubernetes/policy', '--namespace', 'ma*'), status: 0, has: ['4 tests, 4 passed'] },
  { file: A, name: 'Verify command filters out non-matching namespaces', argv: verify('--policy', './examples/kubernetes/policy', '--namespace', 'doesnotexist'), status: 0, has: ['0 tests, 0 passed'] },
  { file: A, name: 'Fail when verifying with no policies path', argv: verify('-p', 'internal/'), status: 2 },
  {
    file: A,
    name: 'Verify command has report flag - no failures',
    argv: ['test', '--policy', './examples/report/policy', '--policy', './examples/report/success', '--report', 'fails'],
    status: 0,
    has: ['data.main.test_no_missing_label: PASS', 'PASS: 1/1'],
  },
  {
    file: A,
    name: 'Verify command has report flag - success with print output',
    argv: ['test', '--policy', './examples/report/policy_print', '--policy', './examples/report/success', '--report', 'fails'],
    status: 0,
    has: ['data.main.test_no_missing_label: PASS', 'sample', 'PASS: 1/1'],
  },
  ...['table', 'tap', 'junit', 'json'].map(
    (o): AcceptanceCase => ({
      file: A,
      name: `Verify command does not support report flag with ${o} output`,
      argv: ['test', '--policy', './examples/report/policy', '-o', o, '--report', 'fails'],
      has: ['report flag is supported with stdout only'],
    }),
  ),
  {
    file: A,
    name: 'Verify command has report flag - failure with report fails',
    argv: ['test', '--policy', './examples/report/policy', '--policy', './examples/report/fail', '--report', 'fails'],
    status: 2,
    has: ['FAILURES', 'data.main.test_missing_required_label_fail: FAIL', 'FAIL: 1/1'],
  },
  ...['notes', 'full'].map(
    (level): AcceptanceCase => ({
      file: A,
      name: `Verify command has report flag - failure with report ${level}`,
      argv: ['test', '--policy', './examples/report/policy', '--policy', './examples/report/fail', '--report', level],
      status: 2,
      has: ['FAILURES', 'data.main.test_missing_required_label_fail: FAIL', 'Note "just testing notes flag"', 'FAIL: 1/1'],
    }),
  ),
  { file: A, name: 'Has help flag', argv: ['--help'], status: 0 },
  {
    file: A,
    name: 'Allow .rego files in the policy flag',
    argv: scan('-p', 'examples/hcl1/policy/base.rego', 'examples/hcl1/gke-show.json'),
    status: 1,
    has: ['Terraform plan will change prohibited resources in the following namespaces: google_iam, google_container'],
  },
  {
    file: A,
    name: 'Supports print() output',
    argv: scan('-p', 'examples/report/policy_print/labels.rego', 'examples/kubernetes/deployment.yaml', '--no-color'),
    status: 1,
    lines: { 0: 'PRNT   examples/report/policy_print/labels.rego:14: hello-kubernetes' },
  },
  { file: A, name: 'Can parse hcl1 files', argv: scan('-p', 'examples/hcl1/policy/gke.rego', 'examples/hcl1/gke.tf'), status: 0 },
  { file: A, name: 'Can parse toml files', argv: scan('-p', 'examples/traefik/policy', 'examples/traefik/traefik.toml'), status: 1 },
  { file: A, name: 'Can parse edn files', argv: scan('-p', 'examples/edn/policy', 'examples/edn/sample_config.edn'), status: 1 },
  { file: A, name: 'Can parse xml files', argv: scan('-p', 'examples/xml/policy', 'examples/xml/pom.xml'), status: 1, has: ['--- maven-plugin must have the version: 3.6.1'] },
  {
    file: A,
    name: 'Can parse hocon files',
    argv: scan('-p', 'examples/hocon/policy', 'examples/hocon/hocon.conf', '--parser', 'hocon'),
    status: 1,
    has: ['Play http server port should be 9000'],
  },
  {
    file: A,
    name: 'Can parse vcl files',
    argv: scan('-p', 'examples/vcl/policy', 'examples/vcl/varnish.vcl'),
    status: 1,
    has: ['default backend port should be 8080'],
  },
  {
    file: A,
    name: 'Can parse jsonnet files',
    argv: scan('-p', 'examples/jsonnet/policy', 'examples/jsonnet/arith.jsonnet'),
    status: 1,
    has: ['Concat array should be less than 3'],
  },
  { file: A, name: 'Can parse .dockerignore files', argv: scan('-p', 'examples/ignore/dockerignore/policy', 'examples/ignore/dockerignore/.dockerignore'), status: 1, has: ['.git directories should be ignored'] },
  { file: A, name: 'Can parse .gitignore files', argv: scan('-p', 'examples/ignore/gitignore/policy', 'examples/ignore/gitignore/.gitignore'), status: 1, has: ['id_rsa files should be ignored'] },
  {
    file: A,
    name: 'Can parse cue files',
    argv: scan('-p', 'examples/cue/policy', 'examples/cue/deployment.cue'),
    status: 1,
    has: ['The image port should be 8080 in deployment.cue. you have : 8081'],
  },
  { file: A, name: 'Can parse ini files', argv: scan('-p', 'examples/ini/policy', 'examples/ini/grafana.ini'), status: 1, has: ['Users should verify their e-mail address'] },
  { file: A, name: 'Can parse hcl files', argv: scan('-p', 'examples/hcl2/policy', 'examples/hcl2/terraform.tf'), status: 1, has: ['ALB `my-alb-listener` is using HTTP rather than HTTPS'] },
  { file: A, name: 'Can parse properties files', argv: scan('-p', 'examples/properties/policy/', 'examples/properties/sample.properties'), status: 0 },
  {
    file: A,
    name: 'Can parse stdin with parser flag',
    argv: scan('-p', 'examples/ini/policy', '--parser', 'ini', '-'),
    stdin: 'examples/ini/grafana.ini',
    status: 1,
    has: ['Users should verify their e-mail address'],
    hasNot: ['Basic auth should be enabled'],
  },
  {
    file: A,
    name: 'Using --parser should force the chosen parser and fail the rego policy',
    argv: scan('-p', 'examples/terraform/policy/gke.rego', 'examples/terraform/gke.tf', '--parser', 'ini'),
    status: 2,
  },
  { file: A, name: 'Can verify unit tests using parse_config() and parse_config_file builtins()', argv: verify('-p', 'examples/hcl2/policy', 'examples/hcl2'), status: 0 },
  {
    file: A,
    name: 'Can combine configs and reference by file',
    argv: scan('-p', 'examples/hcl1/policy/gke_combine.rego', 'examples/hcl1/gke.tf', '--combine', '--parser', 'hcl1', '--all-namespaces'),
    status: 0,
  },
  { file: A, name: 'Can parse docker files', argv: scan('-p', 'examples/docker/policy', 'examples/docker/Dockerfile'), status: 1, has: ['unallowed image found ["openjdk:8-jdk-alpine"]'] },
  {
    file: A,
    name: 'Can parse newly introduced keywords for docker',
    argv: ['parse', '--values', '--parser', 'dockerfile', '-'],
    stdinText: '# syntax=docker/dockerfile:1.4\nFROM alpine\nCOPY --link /foo /bar\n',
    status: 0,
  },
  { file: A, name: 'Can disable color', argv: scan(...K, 'examples/kubernetes/service.yaml', '--no-color'), status: 0, hasNot: ['[33m'] },
  { file: A, name: 'Output results only once', argv: scan(...K, 'examples/kubernetes/deployment.yaml'), lineCount: 5 },
  { file: A, name: 'Can verify rego tests', argv: verify('--policy', './examples/kubernetes/policy'), status: 0, has: ['4 tests, 4 passed'] },
  { file: A, name: "Can parse inputs with 'conftest parse'", argv: ['parse', '--values', 'examples/docker/Dockerfile'], status: 0, has: ['"Cmd": "from"'] },
  {
    file: A,
    name: "Can parse single file with 'conftest parse'",
    argv: ['parse', '--values', 'examples/kubernetes/deployment.yaml'],
    status: 0,
    json: (v) => (v as { kind?: unknown }).kind === 'Deployment',
  },
  {
    file: A,
    name: 'Can test a Jenkinsfile with the Groovy parser',
    argv: ['scan', '-o', 'conftest-json', '-p', 'examples/jenkins/policy', 'examples/jenkins/Jenkinsfile'],
    status: 1,
    has: ['Pipeline downloads a script and pipes it directly to an interpreter', '"line": 6'],
  },
  {
    file: A,
    name: 'Can test a safe Jenkinsfile',
    argv: scan('-p', 'examples/jenkins/policy', 'examples/jenkins/Jenkinsfile.safe'),
    status: 0,
  },
  {
    file: A,
    name: 'Can parse Groovy from stdin',
    argv: ['parse', '--values', '--parser', 'groovy', '-'],
    stdin: 'examples/jenkins/Jenkinsfile.safe',
    status: 0,
    json: (v) => (v as { kind?: unknown }).kind === 'FileNode',
  },
  {
    file: A,
    name: "Can parse multiple files with 'conftest parse'",
    argv: ['parse', '--values', 'examples/kubernetes/deployment.yaml', 'examples/kubernetes/deployment+service.yaml'],
    status: 0,
    json: (v) => JSON.stringify(Object.keys(v as object).sort()) === JSON.stringify(['examples/kubernetes/deployment+service.yaml', 'examples/kubernetes/deployment.yaml']),
  },
  { file: A, name: 'Can output tap format in test command', argv: ['scan', ...K, '-o', 'tap', 'examples/kubernetes/deployment.yaml'], has: ['not ok'] },
  { file: A, name: 'Can output tap format in verify command', argv: ['test', ...K, '-o', 'tap'], has: ['ok'] },
  { file: A, name: 'Can output table format in test command', argv: ['scan', ...K, '-o', 'table', 'examples/kubernetes/deployment.yaml'], has: ['failure'] },
  { file: A, name: 'Can output table format in verify command', argv: ['test', ...K, '-o', 'table'], has: ['success'] },
  {
    file: A,
    name: 'Multi-file tests correctly fail when last file is fine',
    argv: scan(...K, 'examples/kubernetes/deployment.yaml', 'examples/kubernetes/service.yaml'),
    status: 1,
  },
  { file: A, name: 'Fail when unit test rego', argv: verify('-p', 'examples/traefik/policy'), status: 2 },
  {
    file: A,
    name: 'Can load data along with rego policies',
    argv: scan('-p', 'examples/data/policy', '-d', 'examples/data/exclusions', 'examples/data/service.yaml'),
    status: 1,
    has: ['Cannot expose port'],
  },
  {
    file: A,
    name: 'Can load data in unit tests',
    argv: verify('-p', 'examples/data/policy', '-d', 'examples/data/exclusions', 'examples/data/service.yaml'),
    status: 0,
    has: ['1 test, 1 passed, 0 warnings, 0 failures'],
  },
  { file: A, name: 'Can update policies in test command', untranslatable: 'downloads from raw.githubusercontent.com (the suite runs offline); scan --update is tested against local servers in test/cli/remote.test.ts and registry.test.ts' },
  {
    file: A,
    name: 'Can validate a docker-compose file that does not conform to the policy',
    argv: scan('-p', 'examples/compose/policy', 'examples/compose/docker-compose.yml', '--no-color'),
    status: 1,
    has: ['2 tests, 0 passed, 0 warnings, 2 failures, 0 exceptions'],
  },
  {
    file: A,
    name: 'Can validate a docker-compose file that conforms to the policy',
    argv: scan('-p', 'examples/compose/policy', 'examples/compose/docker-compose-valid.yml', '--no-color'),
    status: 0,
    has: ['2 tests, 2 passed, 0 warnings, 0 failures, 0 exceptions'],
  },
  {
    file: A,
    name: 'The number of tests run is accurate',
    argv: scan(...K, 'examples/kubernetes/service.yaml', '--no-color'),
    status: 0,
    lines: { 1: '5 tests, 4 passed, 1 warning, 0 failures, 0 exceptions' },
  },
  {
    file: A,
    name: 'Exceptions reported correctly',
    argv: scan('-p', 'examples/exceptions/policy', 'examples/exceptions/deployments.yaml', '--no-color'),
    status: 1,
    lines: { 2: '2 tests, 0 passed, 0 warnings, 1 failure, 1 exception' },
  },
  {
    file: A,
    name: 'Exceptions output',
    argv: scan('-p', 'examples/exceptions/policy', 'examples/exceptions/deployments.yaml', '--no-color'),
    status: 1,
    has: ['EXCP - examples/exceptions/deployments.yaml - main - data.main.exception[_][_] == "run_as_root"'],
  },
  {
    file: A,
    name: 'Suppress exceptions output',
    argv: scan('-p', 'examples/exceptions/policy', 'examples/exceptions/deployments.yaml', '--no-color', '--suppress-exceptions'),
    status: 1,
    lines: { 1: '2 tests, 0 passed, 0 warnings, 1 failure, 1 exception' },
  },
  ...[
    ['Can combine yaml files', ['examples/combine/team.yaml', 'examples/combine/user1.yaml', 'examples/combine/user2.yaml']],
    ['Combining multi-document yaml file has same result', ['examples/combine/team.yaml', 'examples/combine/users.yaml']],
  ].map(
    ([name, files]): AcceptanceCase => ({
      file: A,
      name: name as string,
      argv: scan('-p', 'examples/combine/policy', ...(files as string[]), '--combine'),
      status: 1,
      has: ['2 tests, 1 passed, 0 warnings, 1 failure'],
    }),
  ),
  { file: A, name: 'Can parse SPDX file', argv: ['parse', '--values', '--parser', 'spdx', 'examples/spdx/sbom.spdx'], status: 0 },
  {
    file: A,
    name: 'Can validate SPDX file',
    argv: scan('-p', 'examples/spdx/policy', 'examples/spdx/sbom.spdx'),
    status: 0,
    has: ['1 test, 1 passed, 0 warnings, 0 failures, 0 exceptions'],
  },
  {
    file: A,
    name: 'Can test cyclonedx against policy',
    argv: scan('--policy', './examples/cyclonedx/policy/', './examples/cyclonedx/cyclonedx.json', '--parser', 'cyclonedx'),
    status: 0,
  },
  { file: A, name: 'Can parse cyclonedx JSON file', argv: ['parse', '--values', '--parser', 'cyclonedx', './examples/cyclonedx/cyclonedx.json'], status: 0 },
  {
    file: A,
    name: 'Can parse cyclonedx XML file',
    argv: ['parse', '--values', '--parser', 'cyclonedx', './examples/cyclonedx/cyclonedx.xml'],
    status: 0,
  },
  { file: A, name: 'Can parse .env files', argv: scan('-p', 'examples/dotenv/policy/', 'examples/dotenv/sample.env'), status: 0 },
  ...[
    ['Should fail if strict is set and there are unused variables in the policy', scan('-p', 'examples/strict-rules/policy/', 'examples/kubernetes/deployment.yaml', '--strict')],
    ['Should fail when verifying if strict is set and there are unused variables in the policy', verify('-p', 'examples/strict-rules/policy/', 'examples/kubernetes/deployment.yaml', '--strict')],
  ].map(
    ([name, argv]): AcceptanceCase => ({
      file: A,
      name: name as string,
      argv: argv as string[],
      status: 2,
      has: ['rego_compile_error: assigned var b unused', 'rego_compile_error: assigned var x unused', 'rego_compile_error: assigned var c unused', 'rego_compile_error: unused argument y'],
    }),
  ),
  {
    file: A,
    name: 'Should fail if an opa function is not defined given capabilities file',
    argv: scan('examples/kubernetes/deployment.yaml', '-p', 'examples/kubernetes/policy/', '-p', 'examples/capabilities/malicious.rego', '--capabilities', 'examples/capabilities/capabilities.json'),
    status: 2,
    has: ['undefined function opa.runtime', 'undefined function http.send'],
  },
  { file: A, name: 'Can verify rego tests that uses parse_combined_config_files', argv: verify('--policy', './examples/kubernetes/combine'), status: 0, has: ['2 tests, 2 passed'] },
  {
    file: A,
    name: 'Should not show any output with quiet flag and all tests succeeds',
    argv: scan('-p', 'examples/kubernetes/policy/deny.rego', 'examples/kubernetes/deployment.yaml', '--quiet'),
    status: 0,
    exact: '',
  },
  {
    file: A,
    name: 'Should show output because of failure',
    argv: scan(...K, 'examples/kubernetes/deployment.yaml', '--all-namespaces', '--quiet'),
    status: 1,
    has: ['5 tests, 1 passed, 0 warnings, 4 failures, 0 exceptions'],
  },
  {
    file: A,
    name: 'Should fail evaluation if a builtin function returns error',
    argv: scan('--strict-builtin-errors', '-p', 'examples/builtin-errors/invalid-dns.rego', 'examples/kubernetes/deployment.yaml'),
    status: 2,
    has: ['eval_builtin_error'],
  },
  {
    file: A,
    name: 'TextProto policy returns expected results',
    argv: scan('--proto-file-dirs=examples/textproto/protos', '-p', 'examples/textproto/policy', 'examples/textproto/'),
    status: 1,
    has: ['2 tests, 1 passed, 0 warnings, 1 failure, 0 exceptions'],
  },
  {
    file: A,
    name: 'TextProto policy fails when the proto messages could not be resolved',
    argv: scan('-p', 'examples/textproto/policy', 'examples/textproto/'),
    status: 2,
    has: ['look up message type'],
  },
  {
    file: A,
    name: 'Can parse files from a symlinked directory',
    symlinkToHcl2: true,
    argv: scan('-p', 'examples/hcl2/policy', '$SYMLINK'),
    status: 1,
    has: ['10 tests, 3 passed, 0 warnings, 7 failures, 0 exceptions'],
  },
];

const t = (dir: string) => `tests/${dir}/test.bats`;
const inDir = (dir: string) => `tests/${dir}`;

/** tests/*: each runs in its own directory; conftest's default `--policy policy` is written out. */
CASES.push(
  {
    file: t('annotations'),
    name: 'Can verify policies that rely on annotations',
    cwd: inDir('annotations'),
    argv: verify('-p', 'policy', '--data', 'exclusions', 'service.yaml'),
    status: 0,
    has: ['1 test, 1 passed, 0 warnings, 0 failures'],
  },
  {
    file: t('builtin-errors'),
    name: 'Parsing error without show-builtin-errors flag returns test failed',
    cwd: inDir('builtin-errors'),
    argv: verify('-p', 'policy'),
    status: 2,
    has: ['1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions'],
  },
  {
    file: t('builtin-errors'),
    name: 'Parsing error with show-builtin-errors flag returns builtin error',
    cwd: inDir('builtin-errors'),
    argv: ['test', '-p', 'policy'],
    status: 2,
    has: ['file_does_not_exist.yaml', 'ENOENT'],
  },
  ...['Can document the policies', 'Can document the sub package', 'Can document using custom template and output'].map(
    (name): AcceptanceCase => ({ file: t('document'), name, untranslatable: 'conftest doc renders policy docs from a Go template; Palisade has no template-driven doc command (palisade inspect lists policies and METADATA)' }),
  ),
  {
    file: t('multidir'),
    name: 'Can have multiple policy flags',
    cwd: inDir('multidir'),
    argv: scan('--policy', 'org', '--policy', 'team', 'data.json'),
    status: 1,
    has: ['2 tests, 0 passed, 0 warnings, 2 failures'],
  },
  ...['First run of policy fetched with --update flag', 'Second run of policy fetched with --update flag'].map(
    (name): AcceptanceCase => ({ file: t('multiple-runs-with-update'), name, untranslatable: '--update writes into the policy/ directory of the shared conftest tree, which this suite runs in and must not change; scan --update from file:: sources is tested in packages/cli/src/remote/pull.test.ts and test/cli/remote.test.ts' }),
  ),
  { file: t('multitype'), name: 'Can parse multi-type files', cwd: inDir('multitype'), argv: scan('-p', 'policy', 'deployment.yaml', 'grafana.ini'), status: 1, has: ['Port should be'] },
  { file: t('nested'), name: 'Can parse nested files with name overlap (first)', cwd: inDir('nested'), argv: scan('-p', 'policy', '--namespace', 'group1', 'data.json'), status: 1 },
  { file: t('nested'), name: 'Can parse nested files with name overlap (second)', cwd: inDir('nested'), argv: scan('-p', 'policy', '--namespace', 'group2', 'data.json'), status: 1 },
  {
    file: t('nested'),
    name: 'Can have multiple namespace flags',
    cwd: inDir('nested'),
    argv: scan('-p', 'policy', '--namespace', 'group1', '--namespace', 'group2', 'data.json'),
    status: 1,
    has: ['2 tests, 0 passed, 0 warnings, 2 failures'],
  },
  ...['Can install plugin from directory', 'Can install plugin from URL', 'Plugin exit code is propagated'].map(
    (name): AcceptanceCase => ({ file: t('plugin'), name, untranslatable: 'conftest plugins (shell commands installed into conftest); Palisade has no plugin mechanism' }),
  ),
  ...['pre-commit: test hook validates as expected', 'pre-commit: verify hook runs policy tests', 'pre-commit: verify fmt hook changes a policy file', 'pre-commit: pull hook downloads policies successfully'].map(
    (name): AcceptanceCase => ({ file: t('pre-commit'), name, untranslatable: "conftest's own pre-commit hook definitions (Palisade ships its own hooks, tested in test/)" }),
  ),
  {
    file: t('problematic-if'),
    name: 'Test works as expected using contains and if',
    cwd: inDir('problematic-if'),
    argv: scan('--policy=policy/valid.rego', 'data.yaml'),
    status: 1,
    has: ['1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions'],
  },
  {
    file: t('problematic-if'),
    name: 'Bare deny rule can be used without contains or if',
    cwd: inDir('problematic-if'),
    argv: scan('--policy=policy/valid_bare_deny.rego', 'data.yaml'),
    status: 0,
    has: ['1 test, 1 passed, 0 warnings, 0 failures, 0 exceptions'],
    differs: 'by design: a boolean `deny if { true }` is a failure in Palisade (conftest counts a boolean result as passed, a silent pass)',
  },
  {
    file: t('problematic-if'),
    name: 'Error is raised when if is used without contains',
    cwd: inDir('problematic-if'),
    argv: scan('--policy=policy/invalid.rego', 'data.yaml'),
    status: 2,
    has: ["'if' keyword without 'contains' keyword"],
  },
  ...[
    'Pull command works with relative paths (default behavior)',
    'Pull command uses absolute paths as relative when --absolute-paths is not set',
    'Pull command works with absolute path when --absolute-paths is set',
  ].map((name): AcceptanceCase => ({ file: t('pull-absolute-paths'), name, untranslatable: 'downloads from raw.githubusercontent.com (the suite runs offline); palisade pull of https:// files is tested against local servers in test/cli/remote.test.ts' })),
  ...['Ensure that policy do not exists', 'Pull and update first version policy', 'Ensure that policy directory exists', 'Pull and update second version policy'].map(
    (name): AcceptanceCase => ({ file: t('pull-update'), name, untranslatable: 'needs a private copy of the tree (this suite runs in the shared one); pulls that add to a policy directory are tested in packages/cli/src/remote/pull.test.ts' }),
  ),
  ...[
    'Reformat JSON to table format using positional argument',
    'Reformat JSON to junit format using positional argument',
    'Reformat JSON via stdin to table format',
    'Reformat JSON via stdin to json format (default)',
    'Reformat JSON via stdin to junit format',
    'Handle empty stdin gracefully',
    'Fail when input file does not exist',
    'Fail when invalid JSON provided',
    'Handle invalid output format gracefully',
    'Handle empty JSON array',
  ].map(
    (name): AcceptanceCase => ({
      file: t('reformat'),
      name,
      untranslatable: 'conftest reformat converts saved conftest JSON; Palisade writes several formats in one run instead (-o FORMAT=FILE, repeatable)',
    }),
  ),
  ...(
    [
      ['TEST - V0 Policy with V1 flag disabled', scan('--policy=policy/v0.rego', '--rego-version=v0', 'data.yaml'), 0],
      ['TEST - V0 Policy with V1 flag enabled', scan('--policy=policy/v0.rego', '--rego-version=v1', 'data.yaml'), 2],
      ['TEST - V1 Policy with V1 flag disabled', scan('--policy=policy/v1.rego', '--rego-version=v0', 'data.yaml'), 2],
      ['TEST - V1 Policy with V1 flag enabled', scan('--policy=policy/v1.rego', '--rego-version=v1', 'data.yaml'), 0],
      ['VERIFY - V0 Policy with V1 flag disabled', verify('--policy=policy/v0.rego', '--rego-version=v0'), 0],
      ['VERIFY - V0 Policy with V1 flag enabled', verify('--policy=policy/v0.rego', '--rego-version=v1'), 2],
      ['VERIFY - V1 Policy with V1 flag disabled', verify('--policy=policy/v1.rego', '--rego-version=v0'), 2],
      ['VERIFY - V1 Policy with V1 flag enabled', verify('--policy=policy/v1.rego', '--rego-version=v1'), 0],
    ] as [string, string[], number][]
  ).map(([name, argv, status]): AcceptanceCase => {
    const v0 = argv.includes('--rego-version=v0');
    // conftest checks only the status; under v0 the failure must be the parse error, not "v0 unsupported".
    const parseError = v0 && status === 2 ? { has: ['rego_parse_error'] } : {};
    return {
      file: t('rego-version'),
      name,
      cwd: inDir('rego-version'),
      argv,
      status,
      ...parseError,
    };
  }),
  {
    file: t('return-multiple-failures'),
    name: 'Policy with multiple failures returns a postive number of failures',
    cwd: inDir('return-multiple-failures'),
    argv: scan('-p', 'policy.rego', 'file.json'),
    status: 1,
    has: ['3 tests, 0 passed, 0 warnings, 3 failures'],
  },
  {
    file: t('source-location'),
    name: 'Location is included in JSON results',
    cwd: inDir('source-location'),
    argv: ['scan', '-o', 'conftest-json', '-p', 'policy', '-d', 'loc_different_file.yaml', 'data.yaml'],
    has: ['"file": "test.txt"', '"line": 123'],
  },
  {
    file: t('source-location'),
    name: 'Location is included in GitHub results - Different file',
    cwd: inDir('source-location'),
    argv: ['scan', '-o', 'github', '-p', 'policy', '-d', 'loc_different_file.yaml', 'data.yaml'],
    has: ['::error file=test.txt,line=123::', '::error file=data.yaml,line=1::(ORIGINATING FROM test.txt L123)'],
  },
  {
    file: t('source-location'),
    name: 'Location is included in GitHub results - Same file',
    cwd: inDir('source-location'),
    argv: ['scan', '-o', 'github', '-p', 'policy', '-d', 'loc_same_file.yaml', 'data.yaml'],
    has: ['::error file=data.yaml,line=123::'],
    hasNot: ['test.txt'],
  },
);
