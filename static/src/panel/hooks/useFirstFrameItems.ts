import { useEffect, useState } from 'react';

/**
 * The items to render now: the first `firstFrame` of them until the frame that shows
 * them has painted, all of them from then on. The panel's first page holds up to twenty
 * cards, and building all of them held its first frame back by the time of the whole
 * list, while the panel's height in Jira shows the first few. The rest are rendered in
 * a task of their own after that frame (an animation frame, then a timer: the frame's
 * paint comes between the two).
 */
export function useFirstFrameItems<T>(items: readonly T[], firstFrame: number): readonly T[] {
  const [all, setAll] = useState(items.length <= firstFrame);
  useEffect(() => {
    if (all) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAll(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [all]);
  return all ? items : items.slice(0, firstFrame);
}
