/** The demo channel every simulator plays: its user and its channel-point rewards. */
export const DEMO_USER = { id: '100000001', login: 'demo_streamer', displayName: 'Demo_Streamer' };

export const DEMO_REWARDS = [
  { id: 'demo-hydrate', title: 'Hydrate!', cost: 300, prompt: 'How much should I drink?', color: '#00C7AC', input: true },
  { id: 'demo-song', title: 'Song request', cost: 1000, prompt: 'Name a song', color: '#9147FF', input: true },
  { id: 'demo-posture', title: 'Posture check', cost: 100, prompt: '', color: '#FA1ED2', input: false },
] as const;
