/** What the overlays that read chat leave out, as their settings say. */
export interface LineFilter {
  /** Logins whose lines are left out (bots), in any case. */
  readonly hideBots: readonly string[];
  /** Whether commands (`!song`) are left out. */
  readonly hideCommands: boolean;
}

/** Whether a chat line is left out: sent by one of the bots, or a command when commands are. */
export function leavesOut(line: { readonly text: string; readonly user: { readonly login: string } | null }, filter: LineFilter): boolean {
  if (filter.hideCommands && line.text.startsWith('!')) return true;
  const login = line.user?.login.toLowerCase();
  return login !== undefined && filter.hideBots.some((bot) => bot.toLowerCase() === login);
}
