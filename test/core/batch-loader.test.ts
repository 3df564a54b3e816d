import { describe, expect, test } from 'vitest';
import { BatchLoader } from '../../src/core/batch-loader.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/**
 * A script of steps on a stepped schedule: a letter asks for that key, `tick` closes the window
 * (the requests go out). The service knows every key but `x`, answering a key with its upper
 * case, and fails any request that holds one of `failing`.
 */
async function play(maxBatch: number, script: readonly string[], failing: readonly string[] = []) {
  const clock = new ManualSchedule();
  const requests: string[][] = [];
  const loader = new BatchLoader<string, string>({
    maxBatch,
    windowMs: 10,
    schedule: clock.schedule,
    loadBatch: async (keys) => {
      requests.push([...keys]);
      if (keys.some((key) => failing.includes(key))) throw new Error('down');
      return new Map(keys.filter((key) => key !== 'x').map((key) => [key, key.toUpperCase()]));
    },
  });
  const answers: string[] = [];
  for (const step of script) {
    if (step === 'tick') clock.runNext();
    else void loader.load(step).then((value) => answers.push(`${step}=${value}`), () => answers.push(`${step}!`));
    await settle();
  }
  return { requests, answers, windows: clock.delays, waiting: clock.waiting };
}

describe('BatchLoader: keys gathered for a window, one request per batch, each caller answered', () => {
  test.each([
    ['keys asked within the window go in one request, a key asked twice once', 100, ['a', 'b', 'a', 'tick'], [], { requests: [['a', 'b']], answers: ['a=A', 'a=A', 'b=B'], windows: [10], waiting: 0 }],
    ['nothing goes out before the window closes', 100, ['a', 'b'], [], { requests: [], answers: [], windows: [10], waiting: 1 }],
    ['past the batch size the keys are split into more requests', 2, ['a', 'b', 'c', 'tick'], [], { requests: [['a', 'b'], ['c']], answers: ['a=A', 'b=B', 'c=C'], windows: [10], waiting: 0 }],
    ['a key the answer leaves out resolves null', 100, ['a', 'x', 'tick'], [], { requests: [['a', 'x']], answers: ['a=A', 'x=null'], windows: [10], waiting: 0 }],
    ['a failed request rejects its callers and only them', 1, ['a', 'b', 'a', 'tick'], ['a'], { requests: [['a'], ['b']], answers: ['a!', 'a!', 'b=B'], windows: [10], waiting: 0 }],
    ['a key asked after the window closed goes in the next window', 100, ['a', 'tick', 'a', 'b', 'tick'], [], { requests: [['a'], ['a', 'b']], answers: ['a=A', 'a=A', 'b=B'], windows: [10, 10], waiting: 0 }],
  ])('%s', async (_name, maxBatch, script, failing, expected) => {
    const run = await play(maxBatch, script, failing);
    expect(run).toEqual(expected);
  });
});
