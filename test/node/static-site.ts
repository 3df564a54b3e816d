import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createBuilder } from 'vite';
import { SUB_PATH } from '../helpers/site.js';

/** Content types by extension, as a static host (or OBS's file handler) sends them. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};


/**
 * The production build (`vite build`, target chrome103) served as plain static files on
 * 127.0.0.1, as a streamer would host `dist/`: at the root and under SUB_PATH. Page tests
 * open overlays from here.
 */
export class StaticSite {
  private constructor(
    private readonly server: Server,
    /** Where the build is on disk. */
    readonly dir: string,
  ) {}

  static async start(): Promise<StaticSite> {
    const dir = mkdtempSync(join(tmpdir(), 'ovl-site-'));
    const root = resolve(import.meta.dirname, '../..');
    // Every page, each in its own build environment, as `vite build` makes them.
    const builder = await createBuilder({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
    await builder.buildApp();
    const server = createServer(async (req, res) => {
      const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const path = requested.startsWith(SUB_PATH) ? `/${requested.slice(SUB_PATH.length)}` : requested;
      const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(dir)) return void res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return new StaticSite(server, dir);
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
