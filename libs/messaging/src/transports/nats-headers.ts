import { headers as createNatsHeaders, type MsgHdrs } from 'nats';
import type { Headers } from './transport';

export const toNatsHeaders = (record: Headers): MsgHdrs | undefined => {
  const entries = Object.entries(record);
  if (entries.length === 0) return undefined;
  const result = createNatsHeaders();
  // NATS headers are line-based: a CR or LF inside a value would corrupt the message.
  for (const [key, value] of entries) result.set(key, value.replace(/[\r\n]+/g, ' '));
  return result;
};

export const fromNatsHeaders = (natsHeaders: MsgHdrs | undefined): Headers => {
  const result: Headers = {};
  if (!natsHeaders) return result;
  for (const key of natsHeaders.keys()) {
    // JetStream's own headers (Nats-Msg-Id, …) are bus plumbing, not part of our envelope.
    if (key.toLowerCase().startsWith('nats-')) continue;
    result[key] = natsHeaders.get(key);
  }
  return result;
};
