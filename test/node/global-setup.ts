import type { TestProject } from 'vitest/node';
import { holdFakes, releaseFakes } from './fakes.js';

/** Starts the fake protocol servers (127.0.0.1 only) and hands their ports to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { tmi, http, site, eventsub, pubsub, heat, whip, stall } = await holdFakes();
  project.provide('heatUrl', heat.url);
  project.provide('pubsubUrl', pubsub.url);
  project.provide('eventsubUrl', eventsub.url);
  project.provide('siteOrigin', site.origin);
  project.provide('siteDir', site.dir);
  project.provide('tmiPort', tmi.port);
  project.provide('httpOrigin', http.origin);
  project.provide('whipOrigin', whip.origin);
  project.provide('stallUrl', stall.url);
  return releaseFakes;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tmiPort: number;
    /** `http://127.0.0.1:<port>`; services under /helix, /id, /7tv, /bttv, /ffz, /ivr, /pronouns. */
    httpOrigin: string;
    /** The production build of every page, served statically. */
    siteOrigin: string;
    siteDir: string;
    /** `ws://127.0.0.1:<port>/ws`. */
    eventsubUrl: string;
    pubsubUrl: string;
    /** `ws://127.0.0.1:<port>/channel`. */
    heatUrl: string;
    /** `http://127.0.0.1:<port>`; WHIP endpoints at `/whip/<mode>` (see fake-whip.ts). */
    whipOrigin: string;
    /** `ws://127.0.0.1:<port>`: accepts TCP, never completes the WebSocket handshake. */
    stallUrl: string;
  }
}
