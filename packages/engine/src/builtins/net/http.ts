/** `http.send`: sandboxed — it fails clearly unless the caller opts in to network access. */
import { argObject } from '../args.js';
import { builtinError, checkBudgetAfter, platformCallOptions, typeErrorText, type BuiltinDecl } from '../define.js';
import { T } from '../signature.js';
import { objectGet, objectKeys } from '../../value/types.js';
import { toJSONText } from '../../value/json.js';

/** Request keys OPA's http.send accepts. */
const VALID_KEYS = new Set([
  'method', 'url', 'body', 'raw_body', 'headers', 'enable_redirect', 'force_json_decode', 'force_yaml_decode',
  'tls_use_system_certs', 'tls_ca_cert', 'tls_ca_cert_file', 'tls_ca_cert_env_variable', 'tls_client_cert',
  'tls_client_cert_env_variable', 'tls_client_cert_file', 'tls_client_key', 'tls_client_key_env_variable',
  'tls_client_key_file', 'tls_insecure_skip_verify', 'tls_server_name', 'timeout', 'cache', 'force_cache',
  'force_cache_duration_seconds', 'raise_error', 'caching_mode', 'max_retry_attempts', 'cache_ignored_headers',
]);
const REQUIRED = ['method', 'url'];

export const httpBuiltins: BuiltinDecl[] = [
  {
    name: 'http.send',
    params: [{ name: 'request', type: T.object(T.string, T.any), description: 'the HTTP request object' }],
    result: T.object(),
    category: 'http',
    nondeterministic: true,
    description:
      'Sends an HTTP request and returns the response. Disabled by default: it is an error unless network access is allowed (CLI `--allow-network`, API `capabilities.network`); mock it in tests with `with http.send as …`.',
    impl(args, ctx) {
      const req = argObject(args, 0);
      const keys = objectKeys(req).map(String);
      const invalid = keys.filter((k) => !VALID_KEYS.has(k)).sort();
      if (invalid.length) throw typeErrorText(`invalid request parameters(s): {${invalid.map((k) => JSON.stringify(k)).join(', ')}}`);
      const missing = REQUIRED.filter((k) => objectGet(req, k) === undefined);
      if (missing.length) throw typeErrorText(`missing required request parameters(s): {${missing.map((k) => JSON.stringify(k)).join(', ')}}`);
      if (!ctx.capabilities.network) throw builtinError('network access is disabled (opt in with --allow-network or capabilities.network)');
      if (!ctx.platform.httpSend) throw builtinError('no HTTP client is available on this platform');
      const key = 'http.send:' + toJSONText(req);
      const hit = ctx.queryCache.get(key);
      if (hit !== undefined) return hit;
      // `--timeout` bounds the request too: the platform gets what is left of the budget.
      const callOptions = platformCallOptions(ctx, 'http.send');
      let res: ReturnType<NonNullable<typeof ctx.platform.httpSend>>;
      try {
        res = ctx.platform.httpSend(Object.fromEntries(keys.map((k) => [k, objectGet(req, k)!])), callOptions);
      } catch (e) {
        checkBudgetAfter(ctx, 'http.send');
        throw e;
      }
      checkBudgetAfter(ctx, 'http.send');
      ctx.queryCache.set(key, res);
      return res;
    },
  },
];
