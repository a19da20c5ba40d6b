// The console's Content-Security-Policy, sent as a header by the app:// handler (the page also carries it in a meta tag).

/** Boxes are added by URL at run time, so connections may go to any ws/wss/http(s) host; scripts only from the app. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss: http: https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
