import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A fake server going away and coming back, as Twitch does in an outage: while it is away every
 * connection is cut the moment it is accepted (the browser sees the connection fail, as when it
 * is refused) and counted, so a test can tell how often a client tried; the connections open
 * when it went away are cut too. Back, the server answers on the same port as before.
 */
export class Outage {
  private away = false;
  private attempts = 0;
  private readonly open = new Set<Socket>();

  constructor(server: HttpServer) {
    // Before the server's own handler, so a cut connection never reaches it.
    server.prependListener('connection', (socket: Socket) => {
      if (this.away) {
        this.attempts += 1;
        socket.destroy();
        return;
      }
      this.open.add(socket);
      socket.once('close', () => this.open.delete(socket));
    });
  }

  /** Connections cut since the server went away (the current or the last outage). */
  get refused(): number {
    return this.attempts;
  }

  /** Away (true): cuts every open connection and every new one. Back (false). Returns `refused`. */
  set(away: boolean): number {
    if (away && !this.away) {
      this.attempts = 0;
      for (const socket of this.open) socket.destroy();
    }
    this.away = away;
    return this.attempts;
  }
}
