/**
 * The fetch that requests to endpoints go through: undici's, with idle connections kept open between
 * questions. Node's own fetch closes an idle connection after 4 s unless the server says how long it
 * keeps one, and load balancers seldom do. A person reads an answer and writes the next question for
 * longer than that, so nearly every question opened a new connection, a TCP and a TLS handshake (two
 * to three round trips to the server) before its request could leave. A server that does say is
 * still heard: undici closes the connection a moment before the server would.
 */
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * How long a connection may wait for the next question. Shorter than load balancers keep an idle
 * connection (60 s and more), so the server does not close one just as a request is written to it.
 */
const IDLE_CONNECTION_MS = 30_000;

const keptAlive = new Agent({ keepAliveTimeout: IDLE_CONNECTION_MS });

type UndiciInput = Parameters<typeof undiciFetch>[0];
type UndiciInit = Parameters<typeof undiciFetch>[1];

/**
 * `fetch` through the kept-alive connections. undici's Response is its own class, with the same fields
 * and the platform's ReadableStream as its body; the SDK and the wrappers here read it as any fetch's.
 */
export const keptAliveFetch = ((input: UndiciInput, init?: UndiciInit) => undiciFetch(input, { ...init, dispatcher: keptAlive })) as unknown as typeof fetch;
