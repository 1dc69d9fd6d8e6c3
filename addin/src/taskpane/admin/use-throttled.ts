// A value that follows its source at most once per interval, or at once when told to flush: a
// running retraction's counts change with every event, but the failure list is fetched again only
// now and then, and once more when the run ends.
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, intervalMs: number, flush = false): T {
  const [shown, setShown] = useState(value);
  const lastChange = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = flush ? 0 : Math.max(0, lastChange.current + intervalMs - Date.now());
    const timer = setTimeout(() => {
      lastChange.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs, flush]);
  return shown;
}
