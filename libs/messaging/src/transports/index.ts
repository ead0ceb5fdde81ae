export * from './transport';
export { NatsTransport, type NatsTransportOptions } from './nats.transport';
export { EmbeddedTransport, type EmbeddedTransportOptions } from './embedded.transport';
export { holdEventsFor, type HoldEventsOptions } from './embedded-durables';
export { startEmbeddedBroker, type EmbeddedBroker, type EmbeddedBrokerOptions } from './embedded-broker';
export { createTransport, type TransportOptions } from './create-transport';
