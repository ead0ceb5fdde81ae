import { EmbeddedTransport, type EmbeddedTransportOptions } from './embedded.transport';
import { NatsTransport, type NatsTransportOptions } from './nats.transport';
import type { Transport } from './transport';

export type TransportOptions = NatsTransportOptions & EmbeddedTransportOptions;

const schemeOf = (url: string): string =>
  /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1]?.toLowerCase() ?? '';

/**
 * `nats://host:4222` (several servers comma-separated) → NATS/JetStream;
 * `mqtt://127.0.0.1:port` → the embedded broker. `clientName` names the connection (the service).
 */
export const createTransport = (
  busUrl: string,
  clientName: string,
  options: TransportOptions = {},
): Transport => {
  const urls = busUrl
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url.length > 0);
  const schemes = new Set(urls.map(schemeOf));
  if (urls.length > 0 && schemes.size === 1 && schemes.has('nats'))
    return new NatsTransport(urls, clientName, options);
  const [single, ...others] = urls;
  if (single !== undefined && others.length === 0 && schemes.has('mqtt'))
    return new EmbeddedTransport(single, clientName, options);
  // Only the schemes are echoed: a bus URL may carry credentials.
  const seen = [...schemes].map((scheme) => (scheme ? `${scheme}://` : 'no scheme')).join(', ') || 'nothing';
  throw new Error(
    `unsupported bus URL (${seen}): use nats://host:4222 (NATS with JetStream; several servers comma-separated) ` +
      'or mqtt://127.0.0.1:<port> (the embedded broker)',
  );
};
