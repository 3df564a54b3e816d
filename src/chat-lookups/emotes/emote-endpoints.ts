/** Base URLs of the third-party emote APIs; tests point them at a fake server. */
export interface EmoteEndpoints {
  readonly seventv: string;
  readonly bttv: string;
  readonly ffz: string;
}

export const EMOTE_ENDPOINTS: EmoteEndpoints = {
  seventv: 'https://7tv.io/v3',
  bttv: 'https://api.betterttv.net/3',
  ffz: 'https://api.frankerfacez.com/v1',
};
