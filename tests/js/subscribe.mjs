// Subscribes with the real graphql-ws client and prints one JSON line per event, for the .NET tests.
//
// Usage: node subscribe.mjs <wsUrl> <document> [variablesJson] [count] [timeoutMs]
//
// Output (stdout, one JSON object per line):
//   {"type":"ready"}                                   once the subscribe message has been sent (see below)
//   {"type":"next","receivedAt":<epoch ms>,"payload":<ExecutionResult>}   per result
//   {"type":"error","message":"..."}                   then exit 1
// Exits 0 after <count> results; exits 1 on an error, an early complete, or after <timeoutMs>.
// FRONTLINE_TOKEN, when set, is sent in connection_init as { authorization: "Bearer <token>" }.
//
// About "ready": graphql-transport-ws has no acknowledgement for subscribe. graphql-ws emits
// "connected" when connection_ack arrives and sends the pending subscribe right after, in the same
// turn of the event loop, so "ready" is printed one short timer tick after "connected". It means
// "subscribe is on the wire", not "the server has attached the stream": a caller that must not lose
// the first event should also confirm on the server side that the subscription is active.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, query, variablesJson = '{}', countArg = '1', timeoutArg = '15000'] = process.argv.slice(2);
if (!url || !query) {
  fail('usage: node subscribe.mjs <wsUrl> <document> [variablesJson] [count] [timeoutMs]');
}

const count = Number.parseInt(countArg, 10);
const timeoutMs = Number.parseInt(timeoutArg, 10);
let variables;
try {
  variables = JSON.parse(variablesJson);
} catch (error) {
  fail(`variables are not JSON: ${error.message}`);
}

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

function fail(message) {
  print({ type: 'error', message });
  process.stderr.write(message + '\n');
  process.exit(1);
}

const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  connectionParams: process.env.FRONTLINE_TOKEN ? { authorization: `Bearer ${process.env.FRONTLINE_TOKEN}` } : undefined,
  on: {
    connected: () => setTimeout(() => print({ type: 'ready' }), 20),
    closed: (event) => {
      if (received < count) {
        fail(`socket closed (${event?.code ?? 'no code'} ${event?.reason ?? ''}) after ${received} of ${count} results`);
      }
    },
  },
});

let received = 0;
const unsubscribe = client.subscribe(
  { query, variables },
  {
    next: (result) => {
      received++;
      print({ type: 'next', receivedAt: Date.now(), payload: result });
      if (received >= count) {
        clearTimeout(timer);
        unsubscribe();
        client.dispose();
        // Give the complete message and close frame a moment to flush before leaving.
        setTimeout(() => process.exit(0), 50);
      }
    },
    error: (error) => {
      const message = Array.isArray(error)
        ? JSON.stringify(error)
        : error instanceof Error
          ? error.message
          : `socket error ${JSON.stringify(error?.code ?? error?.type ?? error)}`;
      fail(message);
    },
    complete: () => {
      if (received < count) {
        fail(`completed after ${received} of ${count} results`);
      }
    },
  },
);
