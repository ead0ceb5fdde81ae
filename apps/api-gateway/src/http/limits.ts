// JSON bodies of this API are small forms; anything larger is a mistake or an attack.
export const BODY_LIMIT_BYTES = 1024 * 1024;

// How long a client may take to send a whole request.
export const REQUEST_TIMEOUT_MS = 30_000;
