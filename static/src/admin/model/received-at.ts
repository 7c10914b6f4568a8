import { formatDate } from '../../shared/format';

/** When a delivery came, to the minute, in UTC as the senders' logs usually are: `2 Dec 2026, 09:05 UTC`. */
export function formatReceivedAt(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${formatDate(iso)}, ${at.toISOString().slice(11, 16)} UTC`;
}
