import { expect, test } from 'vitest';
import { sceneCommand } from '../../src/video/chat-commands.js';

test.each([
  ['red', { colour: '#e53935', name: 'red' }],
  ['  Green ', { colour: '#43a047', name: 'green' }],
  ['BLUE', { colour: '#1e88e5', name: 'blue' }],
  ['660', { frequency: 660 }],
  ['20', { frequency: 20 }],
  ['440.5', { frequency: 440.5 }],
  ['19', null],
  ['20001', null],
  ['red please', null],
  ['-440', null],
  ['<b>red</b>', null],
])('chat %j → %j', (text, command) => {
  expect(sceneCommand(text)).toEqual(command);
});
