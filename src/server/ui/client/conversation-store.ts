import type { Turn } from './types.js';

const KEY = 'wedge.conversation.v1';

/** Reads the saved conversation; a missing or unreadable entry is an empty one. */
export function loadTurns(): Turn[] {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved as Turn[] : [];
  } catch {
    return [];
  }
}

/** Saves the conversation so a reload keeps it; storage being full or blocked only loses persistence. */
export function saveTurns(turns: Turn[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(turns));
  } catch {
    // Private mode or a full quota: the page still works, it just will not survive a reload.
  }
}
