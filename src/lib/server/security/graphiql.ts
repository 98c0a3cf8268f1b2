import { randomBytes } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/**
 * GraphiQL at /graphql (a browser GET asking for HTML), served from the copy bundled in
 * @graphql-yoga/render-graphiql instead of yoga's default, which loads it from a CDN: that is unreachable
 * offline and would need the CDN allowed in the Content-Security-Policy. The page gets its own CSP: its one
 * inline script carries a per-response nonce, the editor's workers run from blob: URLs, and it may only talk to
 * this origin.
 */
export interface GraphiQLPageOptions {
  title: string;
  defaultQuery: string;
  endpoint: string;
}

type Assets = typeof import('@graphql-yoga/render-graphiql/graphiql');
let assets: Promise<Assets> | undefined;
// 9 MB of JavaScript: loaded on the first GraphiQL visit, not at server start.
const loadAssets = () => (assets ??= import('@graphql-yoga/render-graphiql/graphiql'));

export function graphiqlCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    'worker-src blob:',
    // GraphiQL and its editor set inline styles at runtime; style injection cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join('; ');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside an inline script: `<` escaped so that no value can close the script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export async function renderGraphiQLPage(nonce: string, options: GraphiQLPageOptions): Promise<string> {
  const a = await loadAssets();
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title)}</title>
    <link rel="icon" href="${escapeHtml(a.favicon)}" />
    <style>${a.css}</style>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript. The API itself works without it: POST queries to ${escapeHtml(options.endpoint)}.</noscript>
    <div id="root"></div>
    <script nonce="${nonce}">
      function prepareBlob(workerContent) {
        return URL.createObjectURL(new Blob([workerContent], { type: 'application/javascript' }));
      }
      const workers = {
        editorWorkerService: prepareBlob(${scriptJson(a.editorWorkerService)}),
        json: prepareBlob(${scriptJson(a.jsonWorker)}),
        graphql: prepareBlob(${scriptJson(a.graphqlWorker)})
      };
      self['MonacoEnvironment'] = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
      ${a.js};
      YogaGraphiQL.renderYogaGraphiQL(
        window.document.querySelector('#root'),
        ${scriptJson({ title: options.title, defaultQuery: options.defaultQuery, endpoint: options.endpoint })}
      );
    </script>
  </body>
</html>`;
}

export function useLocalGraphiQL(options: GraphiQLPageOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || !request.headers.get('accept')?.includes('text/html')) return;
      if (url.pathname.replace(/\/$/, '') !== options.endpoint) return;
      const nonce = randomBytes(16).toString('base64');
      endResponse(
        new Response(await renderGraphiQLPage(nonce, options), {
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': graphiqlCsp(nonce),
            'cache-control': 'no-store'
          }
        })
      );
    }
  };
}
