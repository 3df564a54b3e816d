import { realSchedule, type Schedule } from './schedule.js';

/** The part of `speechSynthesis` the check reads; injectable so tests choose the voices. */
export interface VoiceSource {
  getVoices(): readonly SpeechSynthesisVoice[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/** How long to wait for voices to load before calling the synthesizer voiceless. */
const VOICE_WAIT_MS = 3000;

/**
 * A line for `?debug` saying whether read-aloud can be heard here: a browser without speech
 * synthesis, or one with no voices installed (common on Linux without speech-dispatcher), says
 * nothing at all. Chromium fills its voice list asynchronously, so an empty list is trusted
 * only after `voiceschanged` or a short wait. Even with voices, OBS does not capture speech
 * when the source's "Control audio via OBS" is ticked (obs-browser issue 404).
 */
export function checkSpeechVoices(
  synth: VoiceSource | null = globalThis.speechSynthesis ?? null,
  schedule: Schedule = realSchedule,
): Promise<string> {
  if (!synth) return Promise.resolve('speech: this browser has no speech synthesis; input is not read aloud');
  const describe = (count: number) =>
    count > 0 ? `speech: ${count} voice${count > 1 ? 's' : ''}` : 'speech: no voices installed; input is not read aloud';
  const now = synth.getVoices().length;
  if (now > 0) return Promise.resolve(describe(now));
  return new Promise((resolve) => {
    const settle = () => {
      cancel();
      synth.removeEventListener('voiceschanged', settle);
      resolve(describe(synth.getVoices().length));
    };
    const cancel = schedule(settle, VOICE_WAIT_MS);
    synth.addEventListener('voiceschanged', settle);
  });
}
