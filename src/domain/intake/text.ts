import { QUOTE_MAX, SUMMARY_MAX } from '../insight';

/**
 * Webhook text is written for people, not for our limits: a ticket's description can be
 * longer than a quote may be. It is clipped (the insight links back to the ticket for the
 * rest) rather than refused, since the sender cannot shorten what its customer wrote.
 */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

export const clipSummary = (text: string): string => clip(firstLine(text), SUMMARY_MAX);
export const clipQuote = (text: string): string => clip(text, QUOTE_MAX);

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0] ?? '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Plain text of a chat message's HTML (Intercom sends bodies as HTML): tags out, breaks kept. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An epoch-seconds timestamp as an ISO date-time (Intercom dates everything so). */
export function fromEpochSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
