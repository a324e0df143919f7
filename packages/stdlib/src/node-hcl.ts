/**
 * Node-only wiring of the HCL parsers (see loaders/config/hcl.ts): the GopherJS bundles are
 * required on first use, so runs without `.tf`/`.hcl` files never load them.
 */
import { createRequire } from 'node:module';
import { ConfigSyntaxError } from './loaders/config/plain.js';
import type { HclParsers } from './loaders/config/hcl.js';

const require = createRequire(import.meta.url);

let hcl2: { parseToString(text: string): [string, unknown] } | undefined;
let hcl1: { parse(text: string): string } | undefined;

const AT = /At (\d+):(\d+): (.*)$/s;

export const nodeHclParsers: HclParsers = {
  hcl2(text) {
    hcl2 ??= require('hcl2-parser') as typeof hcl2;
    const [json, err] = hcl2!.parseToString(text);
    // The GopherJS build hands errors back as opaque objects: no message or position survives.
    if (err !== null && err !== undefined) throw new ConfigSyntaxError('invalid HCL 2 syntax (the parser reports no position)');
    return JSON.parse(json);
  },
  hcl1(text) {
    hcl1 ??= require('js-hcl-parser') as typeof hcl1;
    const out = hcl1!.parse(text);
    // Errors come back as the result text, "unable to parse JSON: At L:C: message".
    if (out.startsWith('unable to parse')) {
      const msg = out.replace(/^unable to parse JSON: /, '');
      const m = AT.exec(msg);
      throw m ? new ConfigSyntaxError(m[3]!, Number(m[1]), Number(m[2])) : new ConfigSyntaxError(msg);
    }
    return JSON.parse(out);
  },
};
