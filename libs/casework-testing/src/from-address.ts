import { request } from 'node:http';
import type { ApiResponse } from './api-client.js';

/**
 * A JSON request sent from a chosen loopback address (127.0.0.2, 127.0.0.3…: all of 127/8 is this
 * machine), so a test can act as several source addresses, as the log-in throttle sees them.
 */
export function postFrom(localAddress: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const answer = Buffer.concat(chunks).toString('utf8');
        resolve({ status: incoming.statusCode ?? 0, body: answer ? JSON.parse(answer) : undefined });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(text);
  });
}
