import { createServer } from 'vite';
import { chromium } from 'playwright';
const server = await createServer({ logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
await page.goto(`http://127.0.0.1:${port}/test/bench/chat-bench.html`);
await page.waitForFunction(() => 'benchDrive' in window);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const run = async (label, kind, css, rate = 200) => {
  await page.evaluate((css) => { document.getElementById('stage').style.cssText = css; }, css);
  await page.evaluate(([k, r]) => window.benchPrepare(k, r, 5), [kind, rate]);
  const a = await metrics();
  const res = await page.evaluate(() => window.benchDrive());
  const b = await metrics();
  const d = (k) => ((b[k] - a[k]) * 1000 / res.wallMs * 100).toFixed(1);
  console.log(process.argv[2], label.padEnd(12), 'task', d('TaskDuration'), 'style', d('RecalcStyleDuration'), 'layout', d('LayoutDuration'));
};
await page.evaluate(([k, r]) => window.benchPrepare(k, r, 1), ['ovl', 200]); await page.evaluate(() => window.benchDrive());
for (let i = 0; i < 2; i++) { await run('naive', 'naive', 'width:800px;height:600px'); await run('ovl no-anim', 'ovl', 'width:800px;height:600px;--ovl-chat-enter-duration:0s'); }
await browser.close(); await server.close();
