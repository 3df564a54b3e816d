import { describe, expect, test } from 'vitest';
import { checkSpeechVoices, type VoiceSource } from '../../src/core/speech-voices.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

/** A synthesizer whose voices the test sets, announcing them as Chromium does. */
class TestSynth extends EventTarget implements VoiceSource {
  voices: SpeechSynthesisVoice[] = [];
  getVoices(): SpeechSynthesisVoice[] {
    return this.voices;
  }
  load(count: number): void {
    this.voices = Array.from({ length: count }, (_v, i) => ({ name: `voice ${i}` }) as SpeechSynthesisVoice);
    this.dispatchEvent(new Event('voiceschanged'));
  }
}

describe('checkSpeechVoices', () => {
  test('a browser without speech synthesis says so', async () => {
    await expect(checkSpeechVoices(null)).resolves.toBe('speech: this browser has no speech synthesis; input is not read aloud');
  });

  test('voices already loaded are counted at once', async () => {
    const synth = new TestSynth();
    synth.voices = [{ name: 'a' } as SpeechSynthesisVoice, { name: 'b' } as SpeechSynthesisVoice];
    await expect(checkSpeechVoices(synth, new ManualSchedule().schedule)).resolves.toBe('speech: 2 voices');
  });

  test('voices that load late are waited for', async () => {
    const synth = new TestSynth();
    const time = new ManualSchedule();
    const result = checkSpeechVoices(synth, time.schedule);
    synth.load(1);
    await expect(result).resolves.toBe('speech: 1 voice');
    expect(time.waiting).toBe(0);
  });

  test('a synthesizer with no voices after the wait is reported voiceless', async () => {
    const time = new ManualSchedule();
    const result = checkSpeechVoices(new TestSynth(), time.schedule);
    time.runNext();
    await expect(result).resolves.toBe('speech: no voices installed; input is not read aloud');
  });
});
