import { describe, expect, it } from 'vitest';
import { loadFile } from '../load.js';
import { parseGroovy, type GroovyNode } from './groovy.js';

/** Every node of a tree, depth first. */
function* nodes(n: GroovyNode): Generator<GroovyNode> {
  yield n;
  for (const c of n.children ?? []) yield* nodes(c);
}
const token = (tree: GroovyNode, kind: string, text: string) => [...nodes(tree)].find((n) => n.kind === kind && n.text === text);

const declarative = `pipeline {
  agent any
  stages {
    stage('Build') {
      steps {
        sh 'make build'
      }
    }
  }
}`;

describe('Groovy (Jenkinsfile) in conftest’s syntax-tree shape', () => {
  it('gives a command call the node kinds, key order and positions of conftest’s JSON contract', () => {
    // The tree conftest's parser tests pin for `sh 'echo ok'`.
    expect(JSON.stringify(parseGroovy("sh 'echo ok'"))).toBe(
      '{"kind":"FileNode","line":1,"column":1,"children":[{"kind":"ExpressionStmt","line":1,"column":1,"children":[{"kind":"CallExpr","line":1,"column":1,"children":[{"kind":"IdentExpr","line":1,"column":1,"children":[{"kind":"Identifier","text":"sh","line":1,"column":1}]},{"kind":"LiteralExpr","line":1,"column":4,"children":[{"kind":"StringLiteral","text":"\'echo ok\'","line":1,"column":4}]}]}]}]}',
    );
  });

  it('places tokens at their line and column and nests closures', () => {
    const tree = parseGroovy(declarative);
    expect(tree.kind).toBe('FileNode');
    expect(token(tree, 'Identifier', 'pipeline')).toMatchObject({ line: 1, column: 1 });
    expect(token(tree, 'Identifier', 'sh')).toMatchObject({ line: 6, column: 9 });
    expect(token(tree, 'StringLiteral', "'make build'")).toBeDefined();
    expect([...nodes(tree)].filter((n) => n.kind === 'ClosureExpr')).toHaveLength(4);
  });

  it('splits interpolated strings as Groovy does, and keeps slashy strings whole', () => {
    const tree = parseGroovy('node {\n  def target = "${env.BRANCH_NAME}"\n  sh "make deploy TARGET=${target}"\n  sh "b${\'\'}ash $x.y end"\n  sh $/curl | bash/$\n  def r = /a+b/\n}');
    const gstrings = [...nodes(tree)].filter((n) => n.kind === 'GStringExpr');
    expect(gstrings).toHaveLength(3);
    expect(gstrings[1]!.children!.map((c) => [c.kind, c.text])).toEqual([
      ['GStringBegin', '"make deploy TARGET=$'],
      ['IdentExpr', undefined],
      ['GStringEnd', '"'],
    ]);
    expect(gstrings[2]!.children!.map((c) => c.kind)).toEqual(['GStringBegin', 'LiteralExpr', 'GStringPart', 'PropertyExpr', 'GStringEnd']);
    expect(token(tree, 'DollarSlashyStringLit', '$/curl | bash/$')).toBeDefined();
    expect(token(tree, 'SlashyStringLit', '/a+b/')).toBeDefined();
  });

  it('leaves out comments, line breaks and empty tokens', () => {
    const text = JSON.stringify(parseGroovy('#!/usr/bin/env groovy\n// comment\n/* block\ncomment */ pipeline { agent any }\n'));
    for (const absent of ['comment', 'EOF', '"text":""', 'groovy']) expect(text).not.toContain(absent);
  });

  it('reads the Groovy of real pipelines: named arguments, maps, methods, control flow, chains', () => {
    const src = [
      "@Library('shared') _",
      'import groovy.json.JsonSlurper',
      'def deploy(String env, int retries = 3) {',
      '  for (i in 1..retries) {',
      "    if (env == 'prod' && !params.DRY_RUN) { return true } else if (i > 1) { echo \"retry $i\" }",
      '  }',
      '  return false',
      '}',
      'properties([parameters([string(name: "X", defaultValue: \'y\')])])',
      'node {',
      '  def out = sh(script: "git rev-parse HEAD", returnStdout: true)',
      '    .trim()',
      "  def cfg = [name: 'a', tags: ['x', 'y'], empty: [:]]",
      '  try {',
      '    timeout(time: 1, unit: \'HOURS\') { input message: \'Ship?\', ok: \'Yes\' }',
      '  } catch (Exception e) {',
      '    currentBuild.result = "FAILURE"',
      '    throw e',
      '  } finally { cleanWs() }',
      '  env.X = cfg.name ?: "none"',
      '  parallel a: { sh "a" }, b: { x -> echo x }',
      '}',
    ].join('\n');
    const tree = parseGroovy(src);
    const kinds = new Set([...nodes(tree)].map((n) => n.kind));
    for (const k of ['AnnotatedStmt', 'ImportDecl', 'MethodDecl', 'Parameter', 'ForStmt', 'IfStmt', 'ReturnStmt', 'NamedArg', 'MapExpr', 'ListExpr', 'PropertyExpr', 'TryStmt', 'CatchClause', 'FinallyClause', 'ThrowStmt', 'AssignExpr', 'ElvisExpr', 'BinaryExpr', 'UnaryExpr'])
      expect(kinds, k).toContain(k);
    expect(token(tree, 'Identifier', 'trim')).toMatchObject({ line: 12 });
    const nums = parseGroovy('x = .5 + 1.5e3 + 0x1F + 2L');
    expect([...nodes(nums)].filter((n) => n.kind.endsWith('Literal')).map((n) => [n.kind, n.text])).toEqual([
      ['FloatLiteral', '.5'],
      ['FloatLiteral', '1.5e3'],
      ['IntegerLiteral', '0x1F'],
      ['IntegerLiteral', '2L'],
    ]);
  });

  it('reports malformed input with the file, line and column, as a syntax error', () => {
    expect(loadFile('ci/Jenkinsfile', 'pipeline {', { parser: 'groovy' }).errors[0]).toMatchObject({ code: 'syntax_error', path: 'ci/Jenkinsfile', line: 1, column: 11 });
    expect(loadFile('Jenkinsfile', "node {\n  sh 'unterminated\n}\n").errors[0]).toMatchObject({ code: 'syntax_error', line: 2, column: 6 });
    expect(loadFile('Jenkinsfile', 'node {\n  sh "a" )\n}').errors[0]).toMatchObject({ line: 2, column: 10 });
  });

  it('refuses what it does not parse with a located error, never a partial tree', () => {
    const r = loadFile('Jenkinsfile', "node {}\nclass Foo { }\n", { parser: 'groovy' });
    expect(r.documents).toEqual([]);
    expect(r.errors[0]).toMatchObject({ code: 'syntax_error', line: 2, column: 1 });
    expect(r.errors[0]!.message).toContain('`class` is not supported');
    expect(loadFile('Jenkinsfile', 'switch (x) { }').errors[0]!.message).toContain('`switch` is not supported');
  });

  it('bounds hostile input: nesting depth and node count, as conftest does', () => {
    const deep = loadFile('Jenkinsfile', '('.repeat(300) + '1' + ')'.repeat(300));
    expect(deep.errors[0]).toMatchObject({ code: 'syntax_error' });
    expect(deep.errors[0]!.message).toContain('depth of 256');
    // One parser level can add several tree levels: the tree itself is measured, as conftest does.
    const closures = loadFile('Jenkinsfile', 'node ' + '{ a '.repeat(100) + '}'.repeat(100));
    expect(closures.errors[0]).toMatchObject({ code: 'syntax_error', line: 1, message: expect.stringContaining('depth of 256') });
    expect(loadFile('Jenkinsfile', 'node ' + '{ a '.repeat(80) + '}'.repeat(80)).errors).toEqual([]);
    const wide = loadFile('Jenkinsfile', 'x = [' + '1,'.repeat(60_000) + '1]');
    expect(wide.errors[0]!.message).toContain('exceeds 100000 nodes');
    // Many interpolations in one string: read in a loop, so the stack is not the limit.
    const interp = loadFile('Jenkinsfile', 'sh "' + '$a'.repeat(20_000) + '"');
    expect(interp.errors).toEqual([]);
    expect((interp.documents[0]!.value as { children: unknown[] }).children).toHaveLength(1);
  });
});
