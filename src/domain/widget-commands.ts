/**
 * The dock's commands for the subathon timer and the end credits (issue 21), as the control
 * channel carries them beside its own (`replay`, `skip`, …). They are written here, apart from
 * the channel's protocol module, so both sides can use them before the two land together; the
 * protocol's checks take WIDGET_COMMAND_CHECKS as they are.
 */
export type TimerCommand =
  | { readonly kind: 'timer'; readonly action: 'start' | 'pause' | 'resume' | 'reset' }
  /**
   * Minutes added (negative: taken off). `id` is fresh per press of Add time: every timer page
   * of the origin hears the command, and the timers' shared state counts each id once.
   */
  | { readonly kind: 'timer'; readonly action: 'add'; readonly minutes: number; readonly id: string };

export type WidgetCommand = TimerCommand | { readonly kind: 'credits-roll' };

type Fields = Readonly<Record<string, unknown>>;

/** Minutes one Add time may move the timer by, either way: a day. */
export const MAX_TIMER_MINUTES = 24 * 60;
const ACTIONS: readonly unknown[] = ['start', 'pause', 'resume', 'reset'];

/** Whether a message of each kind is well formed; any page of the origin can post on the channel. */
export const WIDGET_COMMAND_CHECKS: Readonly<Record<WidgetCommand['kind'], (message: Fields) => boolean>> = {
  timer: (m) =>
    ACTIONS.includes(m.action) ||
    (m.action === 'add' && typeof m.minutes === 'number' && Number.isFinite(m.minutes) && Math.abs(m.minutes) <= MAX_TIMER_MINUTES && typeof m.id === 'string' && m.id !== ''),
  'credits-roll': () => true,
};

/** `value` as a widget command when it is one, else null. */
export function readWidgetCommand(value: unknown): WidgetCommand | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Fields;
  const check = Object.hasOwn(WIDGET_COMMAND_CHECKS, message.kind as string) ? WIDGET_COMMAND_CHECKS[message.kind as WidgetCommand['kind']] : undefined;
  return check?.(message) ? (message as unknown as WidgetCommand) : null;
}
