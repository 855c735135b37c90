// Runs the graphql-http server audit (GraphQL over HTTP spec conformance) against a running server, for the .NET tests.
//
// Usage: node audit.mjs <graphqlUrl>
//
// Output (stdout): one JSON array of { id, name, status, reason } with status ok | notice | warn | error.
// Exits 0 when it could run every audit (whatever their results), 1 when an audit crashed.
import { auditServer } from 'graphql-http';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node audit.mjs <graphqlUrl>');
  process.exit(1);
}

// FRONTLINE_TOKEN, when set, is sent as a bearer token with every audit request (the server requires one).
const token = process.env.FRONTLINE_TOKEN;
const authorizedFetch = (input, init = {}) => {
  if (!token) return fetch(input, init);
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

try {
  const results = await auditServer({ url, fetchFn: authorizedFetch });
  const summary = results.map((r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason ?? null }));
  process.stdout.write(JSON.stringify(summary));
} catch (error) {
  console.error(`audit crashed: ${error?.stack ?? error}`);
  process.exit(1);
}
