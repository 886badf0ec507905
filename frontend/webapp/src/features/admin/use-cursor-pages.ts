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
  const next = (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] });
  const previous = () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors });
  return {
    before: cursors.at(-1),
    /** The `Pager`'s page and moves, given the next page's cursor (none on the last page). */
    pager: (nextBefore: string | undefined) => ({
      page: cursors.length,
      hasNext: nextBefore !== undefined,
      onPrevious: previous,
      onNext: () => nextBefore !== undefined && next(nextBefore),
    }),
  };
}
