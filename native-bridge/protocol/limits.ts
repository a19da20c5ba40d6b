// Size and rate limits of the box protocol: the box enforces them, clients may use them to stay inside.

export const Limits = {
  /** Largest text frame accepted on /ws/control (bytes). Larger frames close the socket with 1009. */
  controlMaxPayload: 256 * 1024,
  /** Largest text frame accepted on /ws/media (bytes): only subscribe/unsubscribe go that way. */
  mediaMaxPayload: 4 * 1024,
  /** Text typed into a phone in one `text` request (UTF-16 code units, as JS counts them). */
  textMaxChars: 5000,
  /** Frame sizes the client may report with coordinates. */
  frameMaxSize: 8192,
  /** Base64 characters of one upload chunk (decodes to 144 KiB). */
  chunkMaxBase64: 192 * 1024,
  /** Files in one image push. */
  pushMaxFiles: 20,
  /** Bytes of one pushed file. */
  pushMaxFileBytes: 32 * 1024 * 1024,
  /** Bytes of one whole push. */
  pushMaxTotalBytes: 96 * 1024 * 1024,
  /** File name length of a pushed image. */
  fileNameMaxChars: 120,
  /** Requests waiting on phones (input, text, screenshots, pushes) a client may have open at once. */
  maxInFlight: 128,
  /** Messages per second a client may send, averaged (token bucket of `rateBurst`). */
  ratePerSecond: 400,
  rateBurst: 800,
  /** Streams one media socket may subscribe to. */
  maxSubscriptions: 256,
  /** Length of a request id when it is a string. */
  idMaxChars: 64,
  /** Points in one swipe path. */
  swipeMaxSteps: 120,
  /** Duration bounds of a swipe / long press in milliseconds. */
  gestureMaxMs: 10_000,
} as const;

/** WebSocket close codes the box uses, beyond the standard ones. */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  ProtocolError: 1002,
  PolicyViolation: 1008,
  /** A frame above maxPayload. */
  MessageTooBig: 1009,
  InternalError: 1011,
  /** A viewer that stayed over the buffered-bytes cap longer than the timeout ("try again later"). */
  SlowConsumer: 1013,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
