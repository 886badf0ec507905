import { useState } from "react";

/**
 * Pages of a list that pages by cursor (`before` = the last row's time): the cursors of the pages
 * visited so far, so Previous goes back exactly. A new `resetKey` (other filters) starts at page 1.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: resetKey,
    cursors: [undefined],
  });
  const cursors = state.key === resetKey ? state.cursors : [undefined];
  return {
    before: cursors.at(-1),
    page: cursors.length,
    next: (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}
