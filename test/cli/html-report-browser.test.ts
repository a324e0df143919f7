/**
 * The HTML report of a real scan, opened in headless Chromium: it renders without errors or
 * network requests, shows one row per finding and the severity chart, and its text and severity
 * filters work in a real browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, noChromium } from '../chromium.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const skip = !existsSync(CLI) ? `${CLI} not built (run pnpm build)` : noChromium;
if (skip) console.warn(`html-report-browser.test: skipped, ${skip}`);

const dir = mkdtempSync(join(tmpdir(), 'palisade-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!skip)('HTML report in headless Chromium', () => {
  it('renders the scan of examples/ and filters it', async () => {
    const report = join(dir, 'report.html');
    const json = join(dir, 'report.json');
    const r = spawnSync(process.execPath, [CLI, 'scan', 'examples/dockerfiles', 'examples/compose', '--no-color', '-o', `html=${report}`, '-o', `json=${json}`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const result = JSON.parse(spawnSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(json)}, 'utf8'))`], { encoding: 'utf8' }).stdout);
    const total = result.findings.length as number;
    const high = result.findings.filter((f: { severity: string }) => f.severity === 'HIGH').length as number;
    expect(total).toBeGreaterThan(10);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) requests.push(req.url());
      });
      await page.goto(pathToFileURL(report).href);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]); // self-contained: nothing fetched
      expect(await page.locator('svg.chart').count()).toBe(1);
      const visibleRows = () => page.locator('#findings tbody tr:not([hidden])').count();
      expect(await visibleRows()).toBe(total);

      // Text filter: a policy id that occurs in the report narrows the rows to its findings.
      const id = result.findings[0].policyId as string;
      const withId = result.findings.filter((f: { policyId: string }) => f.policyId === id).length;
      await page.fill('#q', id);
      expect(await visibleRows()).toBeGreaterThanOrEqual(withId);
      expect(await visibleRows()).toBeLessThan(total);
      expect(await page.textContent('#count')).toContain(`of ${total} findings shown`);
      await page.fill('#q', '');

      // Severity filter: unticking every severity but HIGH leaves the HIGH findings.
      for (const sev of ['CRITICAL', 'MEDIUM', 'LOW', 'INFO']) {
        const box = page.locator(`input[name="sev"][value="${sev}"]`);
        if ((await box.count()) && (await box.isChecked())) await box.uncheck();
      }
      expect(await visibleRows()).toBe(high);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
