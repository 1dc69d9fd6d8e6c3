// A skeleton of a domain, after Unicode TS #39's idea: characters people confuse map to one
// prototype, so "c0ntoso.com", "cоntoso.com" (Cyrillic о) and "contoso.com" share a skeleton.
// The table covers the Latin lookalikes attackers use in practice, not all of confusables.txt.

const SINGLE: Record<string, string> = {
  // digits and symbols
  '0': 'o',
  '1': 'l',
  '|': 'l',
  '!': 'l',
  '5': 's',
  $: 's',
  '@': 'a',
  // Latin letters read as others
  I: 'l',
  ı: 'i',
  ɩ: 'i',
  ℓ: 'l',
  ɡ: 'g',
  ս: 'u',
  // Cyrillic
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  υ: 'u',
  ѵ: 'v',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  χ: 'x',
  γ: 'y',
};

/** Pairs read as one letter, applied after the single-character map. */
const PAIRS: [string, string][] = [
  ['rn', 'm'],
  ['vv', 'w'],
  ['cl', 'd'],
];

export function skeleton(text: string): string {
  let out = '';
  // Compatibility forms first (fullwidth letters, ligatures), then strip combining marks.
  for (const char of text.normalize('NFKD').replace(/\p{M}/gu, '')) out += SINGLE[char] ?? char;
  out = out.toLowerCase();
  for (const [pair, single] of PAIRS) out = out.replaceAll(pair, single);
  return out;
}
