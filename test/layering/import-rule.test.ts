import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { ImportViolation } from '../node/import-rule.js';

/** The violations by rule: each rule's why once, then its imports. */
function readable(violations: readonly ImportViolation[]): string {
  const byRule = new Map<string, ImportViolation[]>();
  for (const violation of violations) byRule.set(violation.rule, [...(byRule.get(violation.rule) ?? []), violation]);
  return [...byRule]
    .map(([rule, found]) => `${rule} (${found.length}): ${found[0]!.why}\n${found.map((violation) => `    ${violation.imports}`).join('\n')}`)
    .join('\n\n');
}

// dependency-cruiser reads every file of src/: a few seconds on a loaded 2-core machine.
describe('the import rule (.dependency-cruiser.mjs, `npm run lint:deps`)', { timeout: 60_000 }, () => {
  test('catches an import up a floor, a type-only one too, a circle, a folder on no floor and the library entry exporting tooling', async () => {
    const violations = await commands.importRuleViolations('test/fixtures/import-rule');
    expect(violations.map(({ rule, imports }) => `${rule}: ${imports}`).sort()).toEqual([
      'floor-components: src/components/widget.ts → src/simulator/demo.ts',
      'floor-core: src/core/clock.ts → src/components/widget.ts',
      'library-entry: src/index.ts → src/simulator/demo.ts',
      'no-circular: src/sources/first.ts → src/sources/second.ts → src/sources/first.ts',
      'on-a-floor: src/stray/thing.ts → src/core/clock.ts',
    ]);
    expect(violations.every((violation) => violation.why.length > 0)).toBe(true);
  });

  test('src/ keeps it: no import runs up a floor or closes a circle, and every folder is on a floor', async () => {
    const violations = await commands.importRuleViolations();
    expect(violations.length, `${violations.length} imports in src/ break the import rule:\n\n${readable(violations)}\n`).toBe(0);
  });
});
