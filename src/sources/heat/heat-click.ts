/** A Heat click, as PyWitch reports it (camelCase), plus the viewer's name when known. */
export interface HeatClick {
  readonly type: 'click';
  /** A numeric Twitch user id, or an opaque id: `A…` anonymous, `U…` unverified (§5). */
  readonly userId: string;
  /** `user` (a real Twitch id), `anonymous` or `unverified`. */
  readonly identity: 'user' | 'anonymous' | 'unverified';
  /** 0..1 across and down the player. */
  readonly x: number;
  readonly y: number;
  readonly eventTime: number;
  /** The frame as received. */
  readonly raw: string;
  /** Resolved through the user directory for real ids; null until then, or for opaque ids. */
  readonly login: string | null;
  readonly displayName: string | null;
}

export type HeatParse = { ok: true; click: HeatClick } | { ok: true; system: string } | { ok: false; reason: string };

function coordinate(value: unknown): number | null {
  // Heat sends numbers, some emulators numeric strings (§5): parse both.
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** Reads one Heat frame. Never throws: anything unusable comes back with a reason. */
export function parseHeatFrame(raw: string, now = Date.now()): HeatParse {
  let data: { type?: unknown; id?: unknown; x?: unknown; y?: unknown; message?: unknown };
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (data?.type === 'system') return { ok: true, system: String(data.message ?? '') };
  if (data?.type !== 'click') return { ok: false, reason: `unknown type ${JSON.stringify(data?.type)}` };
  const id = typeof data.id === 'string' || typeof data.id === 'number' ? String(data.id) : '';
  if (!id) return { ok: false, reason: 'click without id' };
  const x = coordinate(data.x);
  const y = coordinate(data.y);
  if (x === null || y === null) return { ok: false, reason: 'click without x/y' };
  if (x < 0 || x > 1 || y < 0 || y > 1) return { ok: false, reason: `click outside the player (${x}, ${y})` };
  const identity = /^\d+$/.test(id) ? 'user' : id.startsWith('A') ? 'anonymous' : 'unverified';
  return { ok: true, click: { type: 'click', userId: id, identity, x, y, eventTime: now, raw, login: null, displayName: null } };
}
