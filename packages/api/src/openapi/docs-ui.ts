/**
 * The API documentation page: Swagger UI from the swagger-ui-dist package installed with the
 * project, served from our own origin under the app's CSP (no inline script, nothing from other
 * hosts). The online validator badge is off: it would send the document to another host.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const distDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// Our own start script: the page may not run inline script under the CSP.
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    withCredentials: true,
  });
});
`;

/** The files the page may load, by the name it asks for. */
const ASSETS: Record<string, { file?: string; text?: string; contentType: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', contentType: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': {
    file: 'swagger-ui-bundle.js',
    contentType: 'text/javascript; charset=utf-8',
  },
  'favicon-32x32.png': { file: 'favicon-32x32.png', contentType: 'image/png' },
  'init.js': { text: INIT_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
};

type Body = Uint8Array<ArrayBuffer> | string;
const cache = new Map<string, Body>();

/** An asset of the documentation page, or null when the name is not one of them. */
export function docsAsset(name: string): { body: Body; contentType: string } | null {
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return null;
  let body = cache.get(name);
  if (body === undefined) {
    body = asset.text ?? new Uint8Array(readFileSync(join(distDir, asset.file!)));
    cache.set(name, body);
  }
  return { body, contentType: asset.contentType };
}

/** The HTML of /api/docs: only same-origin addresses. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Initiatief API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;
}
