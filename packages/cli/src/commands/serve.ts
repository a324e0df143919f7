import { createWriteStream, readFileSync, watch, type FSWatcher } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { EXIT, type CliCommand } from '../command.js';
import { printDiagnostics } from '../diagnostics.js';
import { BUNDLE_OPTIONS } from '../opa-bundle/options.js';
import { availableParallelism } from 'node:os';
import type { PolicySetSource } from '../serve/decisions.js';
import { BundlePoller } from '../serve/bundle-poll.js';
import { createEvaluator, type EvaluatorConfig } from '../serve/evaluator.js';
import { readOpaConfig } from '../serve/opa-config.js';
import { WorkerPool } from '../serve/pool.js';
import { resolveAdmission } from '../serve/settings.js';
import { handler, maskInput, type ServerState } from '../serve/http.js';
import { createMetrics } from '../serve/metrics.js';
import { watchPaths } from '../toolchain/watch.js';
import { VERSION } from '../version.js';

function loopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve decisions over OPA’s REST API and as a Kubernetes admission webhook',
  examples: [
    'palisade serve -d policy/                                   # http://127.0.0.1:8181/v1/data/…',
    'palisade serve -b bundle.tar.gz --verification-key pub.pem --watch',
    'palisade serve --addr 0.0.0.0:8443 --tls-cert-file tls.crt --tls-private-key-file tls.key --admission-mode enforce',
  ],
  options: [
    { flags: '-d, --data <path>', description: 'policy (.rego) or data (.json/.yaml) file or directory (repeatable)', repeatable: true },
    ...BUNDLE_OPTIONS,
    { flags: '--opa-config <file>', description: 'OPA configuration file whose services, bundles and keys say which bundles to download and keep polling (as opa run -c)' },
    { flags: '-a, --addr <host:port>', description: 'listen address', default: '127.0.0.1:8181' },
    { flags: '--tls-cert-file <file>', description: 'TLS certificate (PEM); reloaded when it changes' },
    { flags: '--tls-private-key-file <file>', description: 'TLS private key (PEM)' },
    { flags: '--allow-insecure-http', description: 'serve plain HTTP on an address other than loopback' },
    { flags: '-c, --config <file>', description: 'palisade.yaml whose admission: section configures the webhook (default ./palisade.yaml)' },
    { flags: '--admission-mode <mode>', description: 'admission webhook: enforce (deny), warn (allow with warnings) or audit (allow, annotate); default enforce' },
    { flags: '--deny-severity <severity>', description: 'lowest severity of a failing check that denies admission; default HIGH' },
    { flags: '--exclude-namespace <ns>', description: 'namespace admission never checks (repeatable; default kube-system)', repeatable: true },
    { flags: '--on-error <answer>', description: 'admission answer when a check cannot be evaluated (error, timeout): deny (default) or allow' },
    { flags: '--admission-package <pkg>', description: 'package of your deny/warn admission rules, input = the AdmissionReview; default kubernetes.admission' },
    { flags: '--gatekeeper <path>', description: 'Gatekeeper ConstraintTemplate and constraint YAML file or directory (repeatable)', repeatable: true },
    { flags: '--gatekeeper-inventory <path>', description: 'cluster objects (YAML/JSON manifests, e.g. kubectl get -A -o yaml) that referential Gatekeeper templates see as data.inventory (repeatable)', repeatable: true },
    { flags: '--profile <name>', description: 'standard-library policy set for admission (recommended, all, pss-baseline, pss-restricted, cis-docker)' },
    { flags: '--decision-log <file>', description: 'write decision logs as JSON lines to a file (- for stdout)' },
    { flags: '--log-mask <path>', description: 'input path erased from decision logs, e.g. /input/password (repeatable)', repeatable: true },
    { flags: '--max-body <bytes>', description: 'largest request body accepted', default: '8388608' },
    { flags: '--workers <n>', description: 'worker threads evaluating requests (0 = on the server thread); default: CPUs, at most 4' },
    { flags: '--max-queue <n>', description: 'requests waiting for a busy worker before new ones get 503', default: '256' },
    { flags: '--timeout <ms>', description: 'time budget of one evaluation in milliseconds (well under the webhook’s timeoutSeconds)', default: '2000' },
    { flags: '--max-memory <mb>', description: 'heap one evaluation may grow by, in MB (0 = none)', default: '512' },
    { flags: '-w, --watch', description: 'reload policies, data and bundles when they change (SIGHUP always reloads)' },
  ],
  async run(_args, opts, io) {
    const [host, portText] = (() => {
      const a = String(opts.addr ?? '127.0.0.1:8181');
      const i = a.lastIndexOf(':');
      return i < 0 ? [a, '8181'] : [a.slice(0, i).replace(/^\[|\]$/g, '') || '0.0.0.0', a.slice(i + 1)];
    })();
    const port = Number(portText);
    const usage = (m: string) => (io.stderr.write(`error: ${m}\n`), EXIT.error);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--addr: invalid port "${portText}"`);
    const resolved = resolveAdmission(opts, io);
    if (!resolved.settings) return usage(resolved.errors.join('\nerror: '));
    const { admission, policyPackage, gatekeeper: gatekeeperPaths, inventory } = resolved.settings;
    const numbers: Record<string, number> = {};
    opts.workers ??= String(Math.min(4, availableParallelism()));
    for (const [k, flagName] of [['maxBody', '--max-body'], ['timeout', '--timeout'], ['maxMemory', '--max-memory'], ['workers', '--workers'], ['maxQueue', '--max-queue']] as const) {
      const n = Number(opts[k]);
      if (!Number.isFinite(n) || n < 0) return usage(`${flagName} must be a non-negative number, got "${String(opts[k])}"`);
      numbers[k] = n;
    }
    const certFile = opts.tlsCertFile === undefined ? undefined : resolve(io.cwd, String(opts.tlsCertFile));
    const keyFile = opts.tlsPrivateKeyFile === undefined ? undefined : resolve(io.cwd, String(opts.tlsPrivateKeyFile));
    if (!!certFile !== !!keyFile) return usage('--tls-cert-file and --tls-private-key-file go together');
    if (!certFile && !loopback(host) && !opts.allowInsecureHttp) return usage(`refusing plain HTTP on ${host}: give --tls-cert-file/--tls-private-key-file, or --allow-insecure-http`);

    const polled = opts.opaConfig === undefined ? undefined : readOpaConfig(String(opts.opaConfig), io.cwd);
    if (polled?.errors.length) return printDiagnostics(polled.errors, io);
    const source: PolicySetSource = { data: (opts.data as string[] | undefined) ?? [], bundleOptions: opts, cwd: io.cwd };
    // Workers get this by structured clone: only plain option values.
    const config: EvaluatorConfig = {
      source: { ...source, bundleOptions: JSON.parse(JSON.stringify(opts)) as Record<string, unknown> },
      ...(opts.profile === undefined ? {} : { profile: String(opts.profile) }),
      gatekeeper: gatekeeperPaths,
      ...(inventory ? { inventory } : {}),
      policyPackage,
      admission,
    };
    const built = await createEvaluator(config);
    if (!built.evaluator) return printDiagnostics(built.errors, io);
    const evaluator = built.evaluator;
    const workers = Math.floor(numbers.workers!);
    const metrics = createMetrics();
    const pool =
      workers > 0
        ? new WorkerPool(config, workers, Math.floor(numbers.maxQueue!), (line) => io.stderr.write(`${line}\n`), (kind, queued, ran) => {
            metrics.queueWait.observe({ kind }, queued);
            metrics.evalDuration.observe({ kind }, ran);
          })
        : undefined;
    if (pool) {
      const poolErrors = await pool.start();
      if (poolErrors.length) {
        await pool.close();
        return printDiagnostics(poolErrors, io);
      }
    }

    const masks = (opts.logMask as string[] | undefined) ?? [];
    let decisionLog: ServerState['decisionLog'];
    if (opts.decisionLog !== undefined) {
      const target = String(opts.decisionLog);
      const stream = target === '-' ? io.stdout : createWriteStream(resolve(io.cwd, target), { flags: 'a' });
      decisionLog = (entry) => {
        const { input, erased } = maskInput(entry.input, masks);
        const line = { ...entry, ...(entry.input !== undefined ? { input } : {}), ...(erased.length ? { erased } : {}), timestamp: new Date().toISOString(), labels: { app: 'palisade', version: VERSION } };
        if (line.input === undefined) delete line.input;
        stream.write(JSON.stringify(line) + '\n');
      };
    }
    const state: ServerState = {
      evaluator,
      run: pool
        ? (job) => pool.run(job)
        : async (job) => {
            const start = performance.now();
            const result = evaluator.run(job);
            metrics.evalDuration.observe({ kind: job.kind }, (performance.now() - start) / 1000);
            return result;
          },
      limits: { timeoutMs: numbers.timeout!, maxMemoryBytes: numbers.maxMemory! * 1024 * 1024, maxBodyBytes: numbers.maxBody! },
      metrics,
      decisionLog,
      inFlight: 0,
    };

    let reloading = Promise.resolve();
    const reload = (why: string) => {
      reloading = reloading.then(async () => {
        // This thread first: only a set that loads here is sent to the workers.
        const errors = await evaluator.reload();
        if (!errors.length && pool) errors.push(...(await pool.reload()));
        if (!errors.length) {
          metrics.reloads.inc({ outcome: 'ok' });
          io.stderr.write(`palisade serve: reloaded policies (${why})\n`);
        } else {
          metrics.reloads.inc({ outcome: 'error' });
          io.stderr.write(`palisade serve: reload failed (${why}); still serving the previous policies:\n${errors.map((e) => `  ${e.code}: ${e.message}`).join('\n')}\n`);
        }
      });
    };

    let poller: BundlePoller | undefined;
    if (polled) {
      const order = polled.bundles.map((b) => b.name);
      poller = new BundlePoller(polled.bundles, {
        env: io.env,
        log: (line) => io.stderr.write(`${line}\n`),
        counted: (name, outcome) => {
          metrics.bundleLoads.inc({ name, outcome });
          metrics.bundleFailing.set({ name }, outcome === 'error' ? 1 : 0);
          if (outcome === 'activated') metrics.bundleActivated.set({ name }, Date.now() / 1000);
        },
        // Through the reload queue, so a SIGHUP reload and an activation never interleave.
        activate: (bundle) =>
          new Promise((done) => {
            reloading = reloading.then(async () => {
              const others = (evaluator.config.source.polled ?? []).filter((b) => b.source !== bundle.source);
              const next: EvaluatorConfig = { ...evaluator.config, source: { ...evaluator.config.source, polled: [...others, bundle].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source)) } };
              const before = evaluator.config;
              const errors = await evaluator.reload(next);
              if (!errors.length && pool) {
                errors.push(...(await pool.reload(next)));
                // A worker that could not take it: everyone goes back, so all threads serve one set.
                if (errors.length) {
                  await evaluator.reload(before);
                  await pool.reload(before);
                }
              }
              done(errors);
            });
          }),
      });
      state.bundles = poller;
    }

    const listener = handler(() => state);
    let server: Server;
    const watchers: FSWatcher[] = [];
    if (certFile && keyFile) {
      const context = () => ({ cert: readFileSync(certFile), key: readFileSync(keyFile) });
      let tls;
      try {
        tls = context();
      } catch (e) {
        return usage(`cannot read the TLS certificate or key: ${(e as Error).message}`);
      }
      const https = createHttpsServer(tls, listener);
      // Certificates rotate (cert-manager renews before expiry): reload them without a restart.
      for (const f of [certFile, keyFile]) {
        watchers.push(
          watch(dirname(f), () => {
            try {
              https.setSecureContext(context());
            } catch {
              // A half-written pair during rotation: the next event brings the complete one.
            }
          }),
        );
      }
      server = https;
    } else server = createHttpServer(listener);
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;

    const listening = await new Promise<boolean>((res) => {
      server.once('error', (e) => {
        io.stderr.write(`error: cannot listen on ${host}:${port}: ${(e as Error).message}\n`);
        res(false);
      });
      server.listen(port, host, () => res(true));
    });
    if (!listening) {
      await pool?.close();
      return EXIT.error;
    }
    const addr = server.address();
    const shown = typeof addr === 'object' && addr ? `${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}` : `${host}:${port}`;
    io.stderr.write(`palisade serve: listening on ${certFile ? 'https' : 'http'}://${shown} (${evaluator.policies.set.engine.modules().length} modules, admission ${admission.mode}${evaluator.policies.gatekeeper.constraints ? `, ${evaluator.policies.gatekeeper.constraints} Gatekeeper constraint(s) from ${evaluator.policies.gatekeeper.templates} template(s)` : ''}${evaluator.policies.gatekeeper.inventory !== undefined ? `, ${evaluator.policies.gatekeeper.inventory} inventory object(s)` : ''}, ${workers ? `${workers} worker(s)` : 'no workers'})\n`);

    poller?.start();
    const onHup = () => reload('SIGHUP');
    process.on('SIGHUP', onHup);
    const bundlePaths = ((opts.bundle as string[] | undefined) ?? []).map((b) => resolve(io.cwd, b));
    // watchPaths resolves on SIGINT/SIGTERM; without --watch wait for those signals alone.
    const stopped = opts.watch
      ? watchPaths([...source.data, ...gatekeeperPaths, ...(inventory ?? []), ...bundlePaths.map((b) => dirname(b))], io.cwd, (file) => reload(file))
      : new Promise<void>((res) => {
          process.once('SIGTERM', () => res());
          process.once('SIGINT', () => res());
        });
    if (opts.watch) {
      for (const b of bundlePaths) watchers.push(watch(dirname(b), (_e, name) => name && resolve(dirname(b), name.toString()) === b && reload(b)));
    }
    await stopped;
    // Graceful shutdown: stop accepting, let in-flight requests finish (bounded), then exit 0.
    io.stderr.write(`palisade serve: shutting down (${state.inFlight} request(s) in flight)\n`);
    process.off('SIGHUP', onHup);
    for (const w of watchers) w.close();
    await poller?.stop();
    await new Promise<void>((res) => {
      const force = setTimeout(() => {
        server.closeAllConnections();
        res();
      }, 10_000);
      server.close(() => {
        clearTimeout(force);
        res();
      });
      server.closeIdleConnections();
    });
    await pool?.close();
    return EXIT.ok;
  },
};
