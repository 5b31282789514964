import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The headers every answer carries (helmet, the maintained middleware for them): a Content Security
 * Policy that lets the console load only its own scripts and styles, no framing, `nosniff`, no
 * referrer, and no `X-Powered-By`. `upgrade-insecure-requests` is left out: the system is also run
 * over plain HTTP on an office network, where it would break every asset.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // blob: images and frames: the console shows an attachment's preview (an image, a PDF in the
        // browser's viewer) from bytes it fetched with the token, never from a URL carrying it.
        'img-src': ["'self'", 'data:', 'blob:'],
        'frame-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hidePoweredBy: true,
  });
}

/**
 * API answers are never stored by a browser or a proxy: most carry personal data (a caller's masked
 * phone, a revealed ID number, a family's household), and a shared computer at a township station
 * must not keep them in its cache. The console's own files keep their caching.
 */
export function noStoreForApi(request: Request, response: Response, next: NextFunction): void {
  if (request.path === '/api' || request.path.startsWith('/api/')) {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
  }
  next();
}

/** What the public port shows besides the API and the console (docs/configuration.md "Exposure"). */
export interface Exposure {
  /** `/api/docs` and `/api/docs-json`. */
  readonly apiDocs: boolean;
  /** `/metrics` (Prometheus). */
  readonly metrics: boolean;
}

/** `/metrics` answers 404 on the public port unless exposed. */
export function hideUnexposed(exposure: Exposure) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!exposure.metrics && request.path === '/metrics') {
      response.status(404).json({ code: 'not_found', message: '请求的资源不存在' });
      return;
    }
    next();
  };
}
