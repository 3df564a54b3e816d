/**
 * The in-run baselines of the real-path chat benchmark, each reading a local TMI server over
 * a real WebSocket (`?kind=naive|floor&chat=PORT&channel=NAME`):
 * - `naive`: the real ChatSource (tmi.js) shown by the naive list (test/bench/naive-chat.ts);
 * - `floor`: a 30-line plain-text list on a bare WebSocket, no tmi.js, no parser, no emotes or
 *   badges: about the least any chat overlay can do per line.
 * Each list is `#list`; `window.benchReady` turns true once the channel is joined.
 */
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { NaiveChat } from './naive-chat.js';

const params = new URL(location.href).searchParams;
const channel = params.get('channel') ?? 'bench';
const port = Number(params.get('chat'));
const ready = () => Object.assign(window, { benchReady: true });

function naive(): void {
  const source = new ChatSource({ channel, server: { host: '127.0.0.1', port, secure: false } });
  const list = new NaiveChat(source, 50);
  list.root.id = 'list';
  document.body.append(list.root);
  source.addEventListener('status', (e) => e.detail.state === 'connected' && ready());
  source.start();
}

function floor(): void {
  const list = document.createElement('div');
  list.id = 'list';
  list.style.cssText = 'display:flex;flex-direction:column;justify-content:flex-end;height:100%;overflow:hidden;font:20px sans-serif;color:#fff';
  document.body.append(list);
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  socket.onopen = () => {
    socket.send('NICK justinfan4242');
    socket.send(`JOIN #${channel}`);
  };
  socket.onmessage = (event) => {
    for (const line of String(event.data).split('\r\n')) {
      const command = line.indexOf(' PRIVMSG #');
      if (command === -1) {
        if (line.includes(' ROOMSTATE #')) ready();
        continue;
      }
      const idAt = line.indexOf(';id=') + 4;
      const row = document.createElement('div');
      row.dataset.id = line.slice(idAt, line.indexOf(';', idAt));
      row.textContent = line.slice(line.indexOf(' :', command) + 2);
      list.append(row);
      if (list.childElementCount > 30) list.firstElementChild!.remove();
    }
  };
}

if (params.get('kind') === 'floor') floor();
else naive();
