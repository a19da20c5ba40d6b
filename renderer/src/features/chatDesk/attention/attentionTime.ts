// How the badge says when a phone started needing attention: 10:42 today, 11-21 10:42 on another day.
export function attentionTimeLabel(since: number, now: number): string {
  const at = new Date(since);
  const today = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
  const sameDay = at.getFullYear() === today.getFullYear() && at.getMonth() === today.getMonth() && at.getDate() === today.getDate();
  return sameDay ? time : `${two(at.getMonth() + 1)}-${two(at.getDate())} ${time}`;
}
