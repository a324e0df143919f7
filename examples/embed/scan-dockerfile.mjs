// A tiny tool that embeds Palisade: scan a Dockerfile held in a string with the standard library
// and print one line per finding. Exit code 1 when a finding fails, 0 otherwise.
import { findingsFail, loadDocuments, scan } from '@palisade/stdlib';

const dockerfile = `FROM node:latest
WORKDIR /app
ADD . /app
RUN npm ci
CMD ["node", "server.js"]
`;

const { documents, errors, sources } = loadDocuments([{ path: 'Dockerfile', content: dockerfile }]);
for (const e of errors) console.error(`${e.path}:${e.line ?? 1}: ${e.code}: ${e.message}`);

const result = scan(documents, { sources });
for (const f of result.findings) {
  console.log(`${f.file}:${f.startLine} ${f.severity} ${f.policyId} ${f.message}`);
}
console.log(`${result.summary.failures} failure(s), ${result.summary.warnings} warning(s)`);
process.exitCode = findingsFail(result) ? 1 : 0;
