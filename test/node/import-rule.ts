import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserCommand } from 'vitest/node';
import type { ICruiseResult } from 'dependency-cruiser';

const repo = resolve(import.meta.dirname, '../..');

/** One import that breaks the import rule, as dependency-cruiser reports it. */
export interface ImportViolation {
  /** The rule's name in .dependency-cruiser.mjs. */
  readonly rule: string;
  /** The rule's comment: why it exists, and what to do. */
  readonly why: string;
  /** `from → to`, or the whole circle for a circular import. */
  readonly imports: string;
}

/**
 * Checks `src/` under `root` (by default this repository's) against .dependency-cruiser.mjs,
 * as `npm run lint:deps` does. dependency-cruiser runs in a process of its own: it reads and
 * parses every file synchronously for a second or more, which in this process would stall the
 * fake servers of every test file running meanwhile.
 */
async function importRuleViolations(root = '.'): Promise<ImportViolation[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [resolve(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src', '--config', resolve(repo, '.dependency-cruiser.mjs'), '--output-type', 'json'],
    { cwd: resolve(repo, root), maxBuffer: 64 * 1024 * 1024 },
  );
  const { summary } = JSON.parse(stdout) as ICruiseResult;
  const why = new Map((summary.ruleSetUsed?.forbidden ?? []).map((rule) => [rule.name, rule.comment ?? '']));
  return summary.violations.map((violation) => ({
    rule: violation.rule.name,
    why: why.get(violation.rule.name) ?? '',
    imports: [violation.from, ...(violation.cycle ? violation.cycle.map((step) => step.name) : [violation.to])].join(' → '),
  }));
}

export const importRuleCommands = {
  importRuleViolations: (async (_ctx, root?: string) => importRuleViolations(root)) as BrowserCommand<[string?]>,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** The imports under `root`/src (default: this repository) that break .dependency-cruiser.mjs. */
    importRuleViolations(root?: string): Promise<ImportViolation[]>;
  }
}
