// A bounded load generator for the rate-limit test: a second process hammering one server over loopback.
//
// Usage: node load.mjs <baseUrl> <durationMs> <concurrency>
//
// For <durationMs>, <concurrency> loops POST a tiny query to /graphql back to back, while one loop asks GET /health
// every 50 ms. Prints one JSON object:
//   { elapsedMs, accepted, limited, other, limitedWithoutRetryAfter, limitedWithoutCode, health: { ok, failed } }
// "accepted" are 200 answers, "limited" 429 answers; "other" counts anything else (including network errors).
const [baseUrl, durationArg, concurrencyArg] = process.argv.slice(2);
if (!baseUrl || !durationArg || !concurrencyArg) {
  console.error('usage: node load.mjs <baseUrl> <durationMs> <concurrency>');
  process.exit(1);
}

const durationMs = Number.parseInt(durationArg, 10);
const concurrency = Number.parseInt(concurrencyArg, 10);
const graphqlUrl = new URL('/graphql', baseUrl);
const healthUrl = new URL('/health', baseUrl);
const body = JSON.stringify({ query: '{ __typename }' });
// FRONTLINE_TOKEN, when set, is the bearer token every loop sends: the rate limit partitions by the verified caller.
const headers = { 'content-type': 'application/json', ...(process.env.FRONTLINE_TOKEN ? { authorization: `Bearer ${process.env.FRONTLINE_TOKEN}` } : {}) };
const counts = { accepted: 0, limited: 0, other: 0, limitedWithoutRetryAfter: 0, limitedWithoutCode: 0 };
const health = { ok: 0, failed: 0 };

const started = performance.now();
const deadline = started + durationMs;

async function hammer() {
  while (performance.now() < deadline) {
    try {
      const response = await fetch(graphqlUrl, { method: 'POST', headers, body });
      const text = await response.text();
      if (response.status === 200) {
        counts.accepted++;
      } else if (response.status === 429) {
        counts.limited++;
        if (!response.headers.get('retry-after')) counts.limitedWithoutRetryAfter++;
        if (!text.includes('"RATE_LIMITED"')) counts.limitedWithoutCode++;
      } else {
        counts.other++;
      }
    } catch {
      counts.other++;
    }
  }
}

async function probeHealth() {
  while (performance.now() < deadline) {
    try {
      const response = await fetch(healthUrl);
      await response.text();
      if (response.status === 200) health.ok++; else health.failed++;
    } catch {
      health.failed++;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

await Promise.all([probeHealth(), ...Array.from({ length: concurrency }, hammer)]);
const elapsedMs = Math.round(performance.now() - started);
process.stdout.write(JSON.stringify({ elapsedMs, ...counts, health }));
