import type { ChatNotice, SubPlan } from '../../sources/tmi/chat-events.js';

/** `1000` → "1K", `25000` → "25K", `1000000` → "1M". */
function abbreviate(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 100 === 0) return `${n / 1000}K`;
  return String(n);
}

function tier({ plan }: SubPlan): string {
  return plan === 'Prime' ? 'with Prime' : `at Tier ${Number(plan) / 1000 || 1}`;
}

/**
 * The headline shown for a USERNOTICE. Twitch's `system-msg` is used where it says
 * something; where it does not (bits badge tiers, announcements, a line without one),
 * we word it ourselves. Plain text, always.
 */
export function noticeText(notice: ChatNotice): string {
  const { details } = notice;
  const name = notice.user?.displayName ?? 'Someone';
  switch (details.kind) {
    case 'bitsbadgetier':
      // Twitch sends "bits badge tier notification" here, which says nothing.
      return `${name} just earned a new ${abbreviate(details.threshold)} Bits badge!`;
    case 'announcement':
      return notice.systemMessage || 'Announcement';
    default:
      if (notice.systemMessage) return notice.systemMessage;
  }
  switch (details.kind) {
    case 'sub':
      return `${name} subscribed ${tier(details)}.`;
    case 'resub':
      return `${name} subscribed ${tier(details)}. They've subscribed for ${details.cumulativeMonths} months!`;
    case 'subgift':
      return `${details.anonymous ? 'An anonymous user' : name} gifted a sub to ${details.recipient.displayName}!`;
    case 'submysterygift':
      return `${details.anonymous ? 'An anonymous user' : name} is gifting ${details.count} subs to the community!`;
    case 'raid':
      return `${details.viewerCount} raiders from ${details.displayName} have joined!`;
    case 'other':
      return details.msgId.replace(/[-_]/g, ' ');
    default:
      return details.kind;
  }
}
