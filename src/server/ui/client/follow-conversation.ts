/** How far from the bottom (px) still counts as reading the latest answer. */
const NEAR_BOTTOM = 160;

/**
 * Keeps the newest turn in view as chat pages do: a sent question is scrolled to the top of the window and
 * its streaming answer stays in view, unless the reader scrolls up to read; then a "Jump to latest" button
 * brings them back. Scrolls the page itself, never the reader's position while they read.
 */
export function followConversation(list: HTMLElement, jump: HTMLButtonElement): { sent: () => void; updated: () => void } {
  let following = true;
  // Where our own last scroll left the page: a scroll event that ends there is ours, not the reader's.
  let ownPosition = -1;
  const latest = () => list.lastElementChild as HTMLElement | null;
  const scrollToLatest = () => {
    const turn = latest();
    if (!turn) return;
    turn.scrollIntoView({ block: 'start' });
    ownPosition = window.scrollY;
  };
  const nearBottom = () => window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - NEAR_BOTTOM;
  const latestInView = () => {
    const rect = latest()?.getBoundingClientRect();
    return !rect || (rect.top < window.innerHeight && rect.bottom > 0);
  };
  window.addEventListener('scroll', () => {
    if (Math.abs(window.scrollY - ownPosition) < 2) return;
    following = nearBottom() || latestInView();
    jump.hidden = following;
  }, { passive: true });
  jump.addEventListener('click', () => {
    following = true;
    jump.hidden = true;
    scrollToLatest();
  });
  return {
    sent: () => { following = true; jump.hidden = true; scrollToLatest(); },
    updated: () => { if (following) scrollToLatest(); },
  };
}
