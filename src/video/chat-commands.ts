/** What a chat message asks of the studio scene, as in python-twitch-stream's example. */
export type SceneCommand = { readonly colour: string; readonly name: string } | { readonly frequency: number };

const COLOURS: Readonly<Record<string, string>> = { red: '#e53935', green: '#43a047', blue: '#1e88e5' };

/** `red`/`green`/`blue` change the colour; a number from 20 to 20000 sets the tone in Hz. */
export function sceneCommand(text: string): SceneCommand | null {
  const word = text.trim().toLowerCase();
  if (word in COLOURS) return { colour: COLOURS[word]!, name: word };
  if (/^\d+(\.\d+)?$/.test(word)) {
    const frequency = Number(word);
    if (frequency >= 20 && frequency <= 20_000) return { frequency };
  }
  return null;
}
