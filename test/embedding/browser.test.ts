/**
 * The engine and the stdlib's browser entry bundle for browsers without Node built-ins, and the
 * bundle evaluates a policy and scans an in-memory Dockerfile in headless Chromium.
 */
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, noChromium } from '../chromium.js';
import { bundleForBrowser } from './browser-bundle.js';
import { linkWorkspacePackages, missingBuild, ROOT, tempDir } from './workspace.js';

const notBuilt = missingBuild();
if (notBuilt) console.warn(`browser.test: skipped, ${notBuilt}`);
else if (noChromium) console.warn(`browser.test: Chromium run skipped, ${noChromium}`);

const dir = tempDir('browser');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!notBuilt)('browser bundle', () => {
  linkWorkspacePackages(dir);
  const bundle = join(dir, 'bundle.js');

  it('bundles the engine and @palisade/stdlib (browser condition) without Node built-ins', async () => {
    copyFileSync(join(ROOT, 'test/embedding/fixtures/browser-entry.ts'), join(dir, 'entry.ts'));
    await bundleForBrowser(join(dir, 'entry.ts'), bundle, dir);
    expect(existsSync(bundle)).toBe(true);
  });

  it('fails the build when a Node built-in sneaks in', async () => {
    writeFileSync(join(dir, 'bad.ts'), "import { readFileSync } from 'node:fs';\nimport { Engine } from '@palisade/engine';\nconsole.log(readFileSync, Engine);\n");
    await expect(bundleForBrowser(join(dir, 'bad.ts'), join(dir, 'bad.js'), dir)).rejects.toThrow(/Node built-in "node:fs"/);
  });

  it('fails the build for the Node entry of the stdlib (it reads policy files)', async () => {
    const nodeEntry = JSON.stringify(join(ROOT, 'packages/stdlib/dist/index.js'));
    writeFileSync(join(dir, 'node-entry.ts'), `import { stdlibPolicySources } from ${nodeEntry};\nconsole.log(stdlibPolicySources);\n`);
    await expect(bundleForBrowser(join(dir, 'node-entry.ts'), join(dir, 'node-entry.js'), dir)).rejects.toThrow(/Node built-in "node:fs"/);
  });

  it.skipIf(!!noChromium)('evaluates a policy and scans a Dockerfile in headless Chromium', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><pre id="out"></pre><script src="bundle.js"></script></body></html>\n');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.waitForFunction(() => (document.getElementById('out')?.textContent ?? '') !== '', undefined, { timeout: 30_000 });
      const out = JSON.parse((await page.textContent('#out')) ?? '{}');
      expect(pageErrors).toEqual([]);
      expect(out.thrown).toBeUndefined();
      expect(out.compileErrors).toEqual([]);
      expect(out.prepareErrors).toEqual([]);
      expect(out.rows).toEqual([[{ allow: true, greeting: 'ADA' }], [{ allow: false, greeting: 'BOB' }]]);
      expect(out.loadErrors).toEqual([]);
      expect(out.scanErrors).toEqual([]);
      expect(out.sameEntry).toBe(true);
      expect(out.policies).toBeGreaterThan(10);
      const latest = out.findings.find((f: { message: string }) => /latest/.test(f.message));
      expect(latest).toMatchObject({ file: 'Dockerfile', startLine: 1 });
    } finally {
      await browser.close();
    }
  });
});
