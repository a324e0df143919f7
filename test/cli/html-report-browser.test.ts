/**
 * The HTML report of a real scan, opened in headless Chromium: it renders without errors or
 * network requests, shows one row per finding and the severity chart, and its text and severity
 * filters work in a real browser; at 1280 px, rows come worst first and long paths wrap so the
 * Finding column is on screen without horizontal scrolling (checked on a screenshot).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('at 1280 px: worst first, long paths wrapped, the Finding column on screen', async () => {
    // A deep repository path and a long resource name, as real monorepos have them.
    const project = join(dir, 'project');
    const deep = 'services/payments-gateway-eu-west-1/deploy/kubernetes/overlays/production-with-canary/base';
    mkdirSync(join(project, deep), { recursive: true });
    const name = 'payments-gateway-settlement-reconciliation-worker-with-a-long-name';
    writeFileSync(
      join(project, deep, 'deployment-payments-gateway-settlement-reconciliation.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: payments-production-eu-west-1\nspec:\n  selector: {matchLabels: {app: p}}\n  template:\n    metadata: {labels: {app: p}}\n    spec:\n      containers:\n        - name: worker\n          image: registry.example.com/payments/worker:1.2.3\n          securityContext: {privileged: true}\n          volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]\n      volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}]\n`,
    );
    writeFileSync(join(project, 'Dockerfile'), 'FROM node:latest\nRUN apt-get install -y curl\n');
    const report = join(dir, 'wide.html');
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--no-color', '-o', `html=${report}`], { cwd: project, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(report).href);
      // Rows come worst first.
      const severities = await page.locator('#findings tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-severity')));
      const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
      expect(severities[0]).toBe('CRITICAL');
      expect(severities.map((s) => order.indexOf(s!))).toEqual([...severities.map((s) => order.indexOf(s!))].sort((a, b) => a - b));
      // Paths are relative to the scan root, and wrap.
      const loc = page.locator('#findings tbody tr td.loc', { hasText: 'deployment-payments' }).first();
      expect(await loc.textContent()).toMatch(/^services\/payments-gateway/);
      const locBox = (await loc.boundingBox())!;
      expect(locBox.height).toBeGreaterThan(30); // more than one line: wrapped
      // No horizontal scrolling, and the whole Finding column is inside the viewport.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      const finding = (await page.locator('#findings thead th[data-key="title"]').boundingBox())!;
      expect(finding.x + finding.width).toBeLessThanOrEqual(1280);
      expect(finding.width).toBeGreaterThan(250);
      // Opening a finding with a code excerpt does not widen the page either.
      await page.locator('#findings tbody tr summary').first().click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      // The screenshot a reviewer looks at: exactly the viewport's width.
      const shot = join(dir, 'report-1280.png');
      const png = await page.screenshot({ path: shot, fullPage: true });
      expect(png.readUInt32BE(16)).toBe(1280); // PNG IHDR width
      if (process.env.PALISADE_KEEP_SCREENSHOT) writeFileSync(process.env.PALISADE_KEEP_SCREENSHOT, png);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
