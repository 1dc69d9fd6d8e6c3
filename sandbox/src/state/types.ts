// The tenant's data as the sandbox stores it. Wire shapes are produced from these by the Graph
// modules; nothing here is sent as is.

export type MailboxType = 'user' | 'shared' | 'none';

export interface SandboxUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  /** Exchange form: "SMTP:primary@x", "smtp:alias@x". */
  proxyAddresses: string[];
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  mailboxType: MailboxType;
  /** Unlicensed users have no Exchange mailbox reachable over REST. */
  licensed: boolean;
  createdDateTime: string;
  /** Change sequence for delta queries. */
  seq: number;
}

export type GroupKind = 'distributionList' | 'security' | 'mailEnabledSecurity' | 'microsoft365';

export interface SandboxGroup {
  id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  proxyAddresses: string[];
  /** Direct members: user or group ids. */
  memberIds: string[];
  createdDateTime: string;
  seq: number;
}

export interface SandboxDomain {
  id: string;
  isVerified: boolean;
  isDefault: boolean;
  isInitial: boolean;
  authenticationType: 'Managed' | 'Federated';
  supportedServices: string[];
  seq: number;
}

export interface SandboxDirectoryRole {
  id: string;
  roleTemplateId: string;
  displayName: string;
  description: string;
  memberIds: string[];
}

export interface AppCredentialCertificate {
  /** Base64url SHA-1 thumbprint, as in the assertion's `x5t` header. */
  x5t: string;
  /** Base64url SHA-256 thumbprint (`x5t#S256`). */
  x5tS256: string;
  publicKeyPem: string;
}

export interface SandboxApp {
  clientId: string;
  displayName: string;
  servicePrincipalId: string;
  secrets: string[];
  certificates: AppCredentialCertificate[];
  /** Application permissions the registration asks for (granted on admin consent). */
  requiredPermissions: string[];
  /** Application permissions currently granted: the Graph token's `roles`. */
  grantedPermissions: Set<string>;
  /** App ID URI of an API the app exposes, e.g. api://localhost/{clientId}. */
  identifierUri: string | null;
  /** Redirect URI prefixes accepted by admin consent. */
  redirectUris: string[];
  /** App roles this app holds on APIs of the tenant: API client id → role values. */
  apiRoles: Record<string, string[]>;
  /** Who granted admin consent, and when. */
  consent: { by: string; at: string } | null;
}

export interface EmailAddress {
  name: string;
  address: string;
}

export interface SandboxAttachment {
  id: string;
  name: string;
  contentType: string;
  isInline: boolean;
  contentId: string | null;
  content: Buffer;
  lastModifiedDateTime: string;
}

export interface MailFolder {
  id: string;
  displayName: string;
  parentFolderId: string | null;
  /** Well-known name such as inbox, junkemail, recoverableitemsdeletions. */
  wellKnownName: string | null;
  isHidden: boolean;
  /** Folders under Recoverable Items are not visible through mailFolders at all. */
  isRecoverable: boolean;
}

export interface StoredMessage {
  /** Immutable id: stable across moves inside the mailbox. */
  immutableId: string;
  /** REST id: changes on every move, as Exchange's entry ids do. */
  restId: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  from: EmailAddress;
  sender: EmailAddress;
  toRecipients: EmailAddress[];
  ccRecipients: EmailAddress[];
  bccRecipients: EmailAddress[];
  replyTo: EmailAddress[];
  internetMessageHeaders: { name: string; value: string }[];
  receivedDateTime: string;
  sentDateTime: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  isRead: boolean;
  isDraft: boolean;
  importance: 'low' | 'normal' | 'high';
  categories: string[];
  folderId: string;
  attachments: SandboxAttachment[];
  /** Set for meeting messages (microsoft.graph.eventMessage). */
  meetingMessageType: 'meetingRequest' | 'meetingCancelled' | 'meetingAccepted' | null;
  eventId: string | null;
  changeKey: string;
  seq: number;
  /** Sequence at which the message arrived in its current folder: delta's created vs updated. */
  folderSeq: number;
}

export interface SandboxEvent {
  id: string;
  iCalUId: string;
  subject: string;
  body: { contentType: 'html' | 'text'; content: string };
  start: string;
  end: string;
  timeZone: string;
  location: string;
  organizer: EmailAddress;
  attendees: { emailAddress: EmailAddress; type: 'required' | 'optional' }[];
  isCancelled: boolean;
  isAllDay: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
  seq: number;
}

export interface Mailbox {
  userId: string;
  folders: Map<string, MailFolder>;
  messages: Map<string, StoredMessage>;
  /** REST id → immutable id, for ids handed out before a move. */
  restIdIndex: Map<string, string>;
  events: Map<string, SandboxEvent>;
  /** Removals per folder, for message delta: folderId → [immutableId, REST id it had there, seq]. */
  removals: Map<string, { id: string; restId?: string; seq: number }[]>;
}

export interface Tombstone {
  id: string;
  seq: number;
}
