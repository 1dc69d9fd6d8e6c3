// Attachments as enrichment shows them: name, type, size and SHA-256 of the bytes. Graph hands file
// attachments over with their bytes; attached items (messages, calendar items) have none to hash.
import { sha256 } from './fingerprint.js';

export interface GraphAttachment {
  '@odata.type'?: string;
  name?: string | null;
  contentType?: string | null;
  size?: number | null;
  isInline?: boolean | null;
  contentBytes?: string | null;
}

export interface AttachmentFacts {
  name: string;
  contentType: string;
  size: number;
  sha256: string | null;
}

export function attachmentFacts(attachment: GraphAttachment): AttachmentFacts {
  const bytes = attachment.contentBytes ? Buffer.from(attachment.contentBytes, 'base64') : null;
  return {
    name: attachment.name ?? '',
    contentType: attachment.contentType ?? 'application/octet-stream',
    size: bytes?.length ?? attachment.size ?? 0,
    sha256: bytes ? sha256(bytes) : null,
  };
}
