// Where the console is: a section and what is open in it, kept in the URL's hash so a link, a
// reload or Teams' tab navigation lands on the same page (#/retractions/<id>, #/search?...).

export const CONSOLE_SECTIONS = [
  'overview',
  'reports',
  'search',
  'retractions',
  'policies',
  'directory',
  'collections',
  'audit',
  'health',
] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

export interface Route {
  section: ConsoleSection;
  /** What is open inside the section: ['campaign', id], [retractionId], ... */
  segments: string[];
  query: Record<string, string>;
}

export const route = (
  section: ConsoleSection,
  segments: string[] = [],
  query: Record<string, string> = {},
): Route => ({ section, segments, query });

const isSection = (value: string | undefined): value is ConsoleSection =>
  (CONSOLE_SECTIONS as readonly string[]).includes(value ?? '');

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [section, ...segments] = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (!isSection(section)) return route('overview');
  return route(section, segments, Object.fromEntries(new URLSearchParams(search)));
}

export function formatRoute({ section, segments, query }: Route): string {
  const path = [section, ...segments].map(encodeURIComponent).join('/');
  const search = new URLSearchParams(query).toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}
