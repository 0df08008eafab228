// A tiny static server for a built site on 127.0.0.1, for Chromium (which needs http: file:// breaks
// the site's links from its root, /fonts/…) and for `npm run preview`. It serves the site under the
// path it was built for (its publication's base), as its host will, and nothing outside it.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { readPublication } from "../changes/publication";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
  ".csv": "text/csv; charset=utf-8",
  ".zip": "application/zip",
};

/**
 * The headers README (« Publier ») asks a host to send with every file: what the Content-Security-Policy
 * each page carries in a <meta> (astro.config.mjs) cannot say. The preview sends them too.
 */
export const PUBLISHING_HEADERS: Record<string, string> = { "Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff" };

export interface SiteServer {
  /** The site's address without its last slash (http://127.0.0.1:4321/portraits): `${url}/epci/…/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the site built in `root` on `port` (0: any free one). */
export async function serveSite(root: string, port = 0): Promise<SiteServer> {
  const dir = resolve(root);
  const base = readPublication(dir)?.base ?? "/";
  const server: Server = createServer((request, response) => {
    const answer = (status: number, headers: Record<string, string> = {}) => response.writeHead(status, headers).end();
    const { pathname } = new URL(request.url ?? "/", "http://x");
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return answer(400);
    }
    // As hosts do: a folder asked without its last slash is redirected to it (its relative links need it).
    if (`${path}/` === base) return answer(301, { Location: base });
    if (!path.startsWith(base)) return answer(404);
    let file = join(dir, normalize(path.slice(base.length - 1)));
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) return answer(301, { Location: `${pathname}/` });
      file = join(file, "index.html");
    }
    if (!file.startsWith(dir) || !existsSync(file)) return answer(404);
    response.writeHead(200, { ...PUBLISHING_HEADERS, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, fail) => server.once("error", fail).listen(port, "127.0.0.1", done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}${base.slice(0, -1)}`,
    close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())),
  };
}
