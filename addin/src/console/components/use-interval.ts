// Calls back every few seconds while `active`, for pages that follow something in progress
// (a directory sync, a consent in another window).
import { useEffect, useRef } from 'react';

export function useInterval(callback: () => void, ms: number, active: boolean): void {
  const saved = useRef(callback);
  saved.current = callback;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => saved.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
}
