// A message's attachments: fileAttachment resources with their bytes as base64, and the raw bytes
// through /$value. Mail.ReadBasic.All never reaches these (the routes ask for Mail.Read).
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { GraphError, graphErrors } from '../../http/errors.js';
import type { SandboxRequest, SandboxResponse } from '../../http/types.js';
import type { SandboxAttachment } from '../../state/types.js';
import { collection, odataJson } from '../odata.js';
import type { GraphContext } from '../registry.js';
import { isWellFormedId, mailboxOf, resolveMessage } from './locate.js';
import { checkQueryOptions, queryOption } from './query-options.js';

type Wire = MicrosoftGraph.FileAttachment & { '@odata.type': string; '@odata.mediaContentType': string };

const PROPERTIES = [
  'id',
  'lastModifiedDateTime',
  'name',
  'contentType',
  'size',
  'isInline',
  'contentId',
  'contentLocation',
  'contentBytes',
];

export function attachmentWire(attachment: SandboxAttachment, select: string[] | null): Wire {
  const full: Wire = {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': attachment.contentType,
    id: attachment.id,
    lastModifiedDateTime: attachment.lastModifiedDateTime,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.content.length,
    isInline: attachment.isInline,
    contentId: attachment.contentId,
    contentLocation: null,
    contentBytes: attachment.content.toString('base64'),
  };
  if (!select) return full;
  const wanted = new Set(select);
  return Object.fromEntries(
    Object.entries(full).filter(([key]) => key.startsWith('@odata.') || key === 'id' || wanted.has(key)),
  ) as unknown as Wire;
}

function parseSelect(request: SandboxRequest): string[] | null {
  const raw = queryOption(request, '$select');
  if (raw === null || raw.trim() === '') return null;
  return raw.split(',').map((name) => {
    const canonical = PROPERTIES.find((p) => p.toLowerCase() === name.trim().toLowerCase());
    if (!canonical)
      throw new GraphError(
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${name.trim()}' on type 'microsoft.graph.attachment'.`,
      );
    return canonical;
  });
}

function findAttachment(request: SandboxRequest, context: GraphContext): SandboxAttachment {
  const message = resolveMessage(mailboxOf(context), request.params.messageId ?? '');
  const id = request.params.attachmentId ?? '';
  if (!isWellFormedId(id)) throw graphErrors.idMalformed();
  const attachment = message.attachments.find((a) => a.id === id);
  if (!attachment) throw graphErrors.itemNotFound();
  return attachment;
}

function contextPath(request: SandboxRequest): string {
  const user = `users('${encodeURIComponent(request.params.userId ?? '')}')`;
  const folder = request.params.folderId
    ? `/mailFolders('${encodeURIComponent(request.params.folderId)}')`
    : '';
  return `${user}${folder}/messages('${encodeURIComponent(request.params.messageId ?? '')}')/attachments`;
}

export function listAttachments(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, {
    implemented: ['$select'],
    graphOnly: ['$filter', '$top', '$orderby', '$expand', '$skip', '$count'],
  });
  const message = resolveMessage(mailboxOf(context), request.params.messageId ?? '');
  const select = parseSelect(request);
  return collection(
    context,
    contextPath(request),
    message.attachments.map((a) => attachmentWire(a, select)),
  );
}

export function getAttachment(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, { implemented: ['$select'], graphOnly: ['$expand'] });
  const attachment = findAttachment(request, context);
  return odataJson(200, {
    '@odata.context': `${context.baseUrl}/$metadata#${contextPath(request)}/$entity`,
    ...attachmentWire(attachment, parseSelect(request)),
  });
}

export function attachmentValue(request: SandboxRequest, context: GraphContext): SandboxResponse {
  checkQueryOptions(request, { implemented: [] });
  const attachment = findAttachment(request, context);
  return { status: 200, headers: { 'content-type': attachment.contentType }, body: attachment.content };
}
