import type { Schema } from '../config/schema.js';
import type { ConfigProblem } from '../core/config-problem.js';
import { defaultTexts, textsFromUrl, withValue, type FieldTexts } from './builder-values.js';

/** What a draft keeps between visits (localStorage) or across a same-tab trip to Twitch (sessionStorage). */
export interface DraftRecord {
  readonly texts: FieldTexts;
  /** The fields the streamer typed in (or loaded from a pasted URL): nothing fills them for them. */
  readonly touched: readonly string[];
}

/**
 * One overlay's settings as the streamer is making them: each field's text, and which fields
 * they typed themselves, so that a value the page suggests (the connected channel) never
 * overwrites theirs. With a `storageKey`, the settings that are not secret are remembered in
 * localStorage for the next visit; secrets (tokens, stream keys) never are.
 *
 * @fires change - after any change of a field
 */
export class OverlayDraft extends EventTarget {
  private current: FieldTexts;
  private typed = new Set<string>();

  constructor(
    readonly schema: Schema,
    private readonly storageKey: string | null = null,
    private readonly storage: Storage | null = storageKey ? localStorage : null,
  ) {
    super();
    this.current = defaultTexts(schema);
    const stored = this.storedRecord();
    if (stored) this.apply(stored);
  }

  get texts(): FieldTexts {
    return this.current;
  }

  /** Whether the streamer typed `key` themselves. */
  touched(key: string): boolean {
    return this.typed.has(key);
  }

  /** The streamer typed `text` into the field of `key`. */
  type(key: string, text: string): void {
    this.typed.add(key);
    this.change({ ...this.current, [key]: text });
  }

  /** Sets a field for the streamer, e.g. the token minted for this link. */
  setValue(key: string, value: unknown): void {
    this.change(withValue(this.schema, this.current, key, value));
  }

  /** Fills a field the streamer has not typed in, e.g. the connected channel; theirs stays. */
  suggest(key: string, value: unknown): void {
    if (key in this.schema && !this.typed.has(key)) this.setValue(key, value);
  }

  /** Takes the settings of an existing overlay URL, wrong ones included; returns the problems that belong to no field. */
  load(url: URL): ConfigProblem[] {
    const { texts, otherProblems } = textsFromUrl(this.schema, url);
    const defaults = defaultTexts(this.schema);
    this.typed = new Set(Object.keys(texts).filter((key) => texts[key] !== defaults[key]));
    this.change(texts);
    return otherProblems;
  }

  /** "Start over": every default, nothing remembered. */
  reset(): void {
    this.typed.clear();
    this.storage?.removeItem(this.storageKey!);
    this.current = defaultTexts(this.schema);
    this.dispatchEvent(new Event('change'));
  }

  /** Everything, secrets included: only for this tab's sessionStorage during a same-tab trip to Twitch. */
  record(): DraftRecord {
    return { texts: this.current, touched: [...this.typed] };
  }

  restore(record: DraftRecord): void {
    this.apply(record);
    this.change(this.current);
  }

  private apply(record: DraftRecord): void {
    const known = (key: string) => key in this.schema;
    this.current = { ...defaultTexts(this.schema), ...Object.fromEntries(Object.entries(record.texts).filter(([key, text]) => known(key) && typeof text === 'string')) };
    this.typed = new Set(record.touched.filter(known));
  }

  private change(texts: FieldTexts): void {
    this.current = texts;
    this.remember();
    this.dispatchEvent(new Event('change'));
  }

  /** Keeps the settings that differ from their defaults and are not secret. */
  private remember(): void {
    if (!this.storage || !this.storageKey) return;
    const defaults = defaultTexts(this.schema);
    const texts = Object.fromEntries(Object.entries(this.current).filter(([key, text]) => !this.schema[key]?.secret && text !== defaults[key]));
    const touched = [...this.typed].filter((key) => !this.schema[key]?.secret);
    const record: DraftRecord = { texts, touched };
    this.storage.setItem(this.storageKey, JSON.stringify(record));
  }

  private storedRecord(): DraftRecord | null {
    try {
      const record = JSON.parse(this.storage?.getItem(this.storageKey!) ?? 'null') as DraftRecord | null;
      return record && typeof record.texts === 'object' && Array.isArray(record.touched) ? record : null;
    } catch {
      return null;
    }
  }
}
