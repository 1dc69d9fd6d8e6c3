// The <Resources> of one VersionOverrides: images, URLs and strings, each referenced by a resid.
// A nested VersionOverrides inherits nothing, so each level builds its own table.
import { el, type XmlElement } from './writer.js';

export const RESID_MAX = 32;
export const SHORT_STRING_MAX = 125;
export const LONG_STRING_MAX = 250;

type Kind = 'image' | 'url' | 'short' | 'long';

export class ResourceTable {
  private readonly entries = new Map<string, { kind: Kind; value: string }>();

  image(id: string, url: string) {
    return this.add('image', id, url);
  }
  url(id: string, url: string) {
    return this.add('url', id, url);
  }
  short(id: string, text: string) {
    return this.add('short', id, text);
  }
  long(id: string, text: string) {
    return this.add('long', id, text);
  }

  toElement(): XmlElement {
    const of = (kind: Kind, tag: string) =>
      [...this.entries]
        .filter(([, entry]) => entry.kind === kind)
        .map(([id, entry]) => el(tag, { id, DefaultValue: entry.value }));
    return el(
      'Resources',
      {},
      el('bt:Images', {}, of('image', 'bt:Image')),
      el('bt:Urls', {}, of('url', 'bt:Url')),
      el('bt:ShortStrings', {}, of('short', 'bt:String')),
      el('bt:LongStrings', {}, of('long', 'bt:String')),
    );
  }

  // Idempotent for the same value, so builders can ask for a shared resource more than once.
  private add(kind: Kind, id: string, value: string): string {
    if (id.length > RESID_MAX) throw new Error(`resource id "${id}" is longer than ${RESID_MAX} characters`);
    const limit = kind === 'short' ? SHORT_STRING_MAX : kind === 'long' ? LONG_STRING_MAX : Infinity;
    if (value.length > limit) throw new Error(`resource "${id}" is longer than ${limit} characters`);
    const existing = this.entries.get(id);
    if (existing && (existing.kind !== kind || existing.value !== value))
      throw new Error(`resource id "${id}" is used for two different values`);
    this.entries.set(id, { kind, value });
    return id;
  }
}
