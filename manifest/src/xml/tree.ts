// Parses XML into a small element tree (name, attributes, children, text) for the validator's
// checks. Well-formedness comes first, with the parser's line and column.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlTree {
  name: string;
  attributes: Record<string, string>;
  children: XmlTree[];
  text: string;
}

export type ParseResult = { ok: true; root: XmlTree } | { ok: false; error: string };

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(xml: string): ParseResult {
  const check = XMLValidator.validate(xml);
  if (check !== true)
    return {
      ok: false,
      error: `line ${check.err.line}, column ${check.err.col}: ${describe(check.err.msg)}`,
    };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const elements = toTrees(parser.parse(xml) as Ordered[]);
  if (elements.length !== 1) return { ok: false, error: 'must have exactly one root element' };
  return { ok: true, root: elements[0]! };
}

// The parser reports elements left open as a JSON list of their names.
function describe(message: string): string {
  const open = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(message);
  if (!open) return message;
  try {
    return `elements never closed: ${(JSON.parse(open[1]!) as string[]).join(', ')}`;
  } catch {
    return message;
  }
}

function toTrees(nodes: Ordered[]): XmlTree[] {
  const trees: XmlTree[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?') || name === '#comment') continue;
    const content = (node[name] as Ordered[]) ?? [];
    trees.push({
      name,
      attributes: node[':@'] ?? {},
      children: toTrees(content),
      text: content
        .map((child) => child['#text'])
        .filter((text) => text !== undefined)
        .join(''),
    });
  }
  return trees;
}

export const childrenNamed = (node: XmlTree, name: string) => node.children.filter((c) => c.name === name);
export const childNamed = (node: XmlTree, name: string) => node.children.find((c) => c.name === name);

/** An element's name for messages: with its xsi:type where it has one, e.g. ExtensionPoint[MessageReadCommandSurface]. */
export const label = (node: XmlTree) =>
  node.attributes['xsi:type'] ? `${node.name}[${node.attributes['xsi:type']}]` : node.name;

/** Every element below a node (depth first), with its slash-separated path. */
export function* descendants(node: XmlTree, path = label(node)): Generator<{ node: XmlTree; path: string }> {
  for (const child of node.children) {
    const childPath = `${path}/${label(child)}`;
    yield { node: child, path: childPath };
    yield* descendants(child, childPath);
  }
}
