// Filters typed into a form and applied together: what the boxes hold now, and each box's binding.
import { useState } from 'react';

export function useDraft<F extends Record<keyof F, string>>(initial: F) {
  const [draft, setDraft] = useState<F>(initial);
  const bind = (key: keyof F & string) => ({
    value: draft[key],
    onChange: (value: string) => setDraft((current) => ({ ...current, [key]: value })),
  });
  return { draft, bind };
}
