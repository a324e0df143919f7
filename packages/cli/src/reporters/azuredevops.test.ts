import { describe, expect, it } from 'vitest';
import { emptyResult, options, sampleResult } from '../../../../test/reporters/fixtures.js';
import { azureDevopsReporter, escapeData, escapeProperty } from './azuredevops.js';

const lines = () => azureDevopsReporter.render(sampleResult(), options()).trimEnd().split('\n');

describe('azuredevops reporter', () => {
  it('escapes like azure-pipelines-task-lib', () => {
    expect(escapeData('50%\r\nx;y]')).toBe('50%AZP25%0D%0Ax;y]');
    expect(escapeProperty('a;b]c%')).toBe('a%3Bb%5Dc%AZP25');
  });

  it('writes task.logissue commands with path, line and code', () => {
    const out = lines();
    expect(out).toContain(
      "##vso[task.logissue type=error;sourcepath=Dockerfile;linenumber=2;code=PAL-DF-001;][HIGH] Image uses latest tag: Image 'nginx:latest' uses the latest tag (stage builder)",
    );
    expect(out.find((l) => l.includes('PAL-K8S-020'))).toMatch(/^##vso\[task\.logissue type=warning;sourcepath=k8s\/deploy\.yaml;linenumber=15;/);
    expect(out).toContain('##vso[task.logissue type=error;sourcepath=broken.yaml;linenumber=3;columnnumber=5;code=YAML_PARSE;]Load error: bad indentation of a mapping entry <here> & "there"');
    expect(out.filter((l) => l.startsWith('##vso['))).toHaveLength(6 + 2 + 1);
  });

  it('prints waived findings as plain log lines', () => {
    expect(lines()).toContain('palisade: waived PAL-DF-003 (LOW) at Dockerfile:3: needed for the "docs" build');
  });

  it('cannot be made to run a second command by scanned content', () => {
    const out = lines();
    // Exactly one `##vso[` per command line; the one in the message is broken up.
    for (const l of out) expect(l.split('##vso[').length - 1).toBeLessThanOrEqual(1);
    const priv = out.find((l) => l.includes('Container "app"'))!;
    expect(priv).toContain('100%AZP25 root: a,b;c]d%0Asecond line \\x1b[31mred\\x01 #\u200b#vso[task.setvariable');
  });

  it('prints nothing for a clean scan', () => {
    expect(azureDevopsReporter.render(emptyResult(), options())).toBe('');
  });
});
