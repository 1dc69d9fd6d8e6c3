// A minimal XML writer: elements as data, attribute values and text escaped, two-space indentation.
// Enough for a manifest, and it keeps the renderers free of string templates and escaping mistakes.

export type XmlAttributes = Record<string, string | number | undefined>;

export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export function el(
  name: string,
  attributes: XmlAttributes = {},
  ...children: (XmlNode | XmlNode[])[]
): XmlElement {
  return { name, attributes, children: children.flat() };
}

export function serializeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, 0)}\n`;
}

function write(node: XmlElement, depth: number): string {
  const pad = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escape(String(value))}"`)
    .join('');
  if (node.children.length === 0) return `${pad}<${node.name}${attributes}/>`;
  if (node.children.every((child) => typeof child === 'string'))
    return `${pad}<${node.name}${attributes}>${escape(node.children.join(''))}</${node.name}>`;
  const inner = node.children
    .map((child) =>
      typeof child === 'string' ? `${'  '.repeat(depth + 1)}${escape(child)}` : write(child, depth + 1),
    )
    .join('\n');
  return `${pad}<${node.name}${attributes}>\n${inner}\n${pad}</${node.name}>`;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
