// The synced directory: users and groups with every SMTP address they answer to, direct group
// memberships (transitive ones are computed), domains with their onboarding state, directory role
// holders, the sync's own progress per resource (delta and next links, so a crash resumes where it
// stopped), and the admin-consent authorizations per Clawback function.
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const directoryUsers = pgTable(
  'directory_users',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    upn: text('upn').notNull(),
    /** Lower-cased UPN, for lookups. */
    upnLower: text('upn_lower').notNull(),
    displayName: text('display_name'),
    /** Primary SMTP address as Graph gives it. */
    mail: text('mail'),
    /** Every SMTP address (primary and aliases) lower-cased. */
    addresses: text('addresses').array().notNull(),
    accountEnabled: boolean('account_enabled').notNull(),
    isGuest: boolean('is_guest').notNull(),
    licensed: boolean('licensed').notNull(),
    mailboxKind: text('mailbox_kind').$type<'user' | 'shared' | 'none'>().notNull(),
    /** Domain of the primary address, else of the UPN (lower-cased). */
    domain: text('domain').notNull(),
    /** The initial sync round that last saw the row: rows an initial round did not see are pruned. */
    syncRound: integer('sync_round').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('directory_users_upn_idx').on(table.tenantId, table.upnLower),
    index('directory_users_addresses_idx').using('gin', table.addresses),
    index('directory_users_domain_idx').on(table.tenantId, table.domain, table.id),
  ],
);

export const directoryGroups = pgTable(
  'directory_groups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    displayName: text('display_name'),
    mail: text('mail'),
    kind: text('kind')
      .$type<'distributionList' | 'security' | 'mailEnabledSecurity' | 'microsoft365'>()
      .notNull(),
    addresses: text('addresses').array().notNull(),
    domain: text('domain'),
    syncRound: integer('sync_round').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('directory_groups_addresses_idx').using('gin', table.addresses),
  ],
);

/** Direct memberships; nested groups are walked at query time. */
export const directoryMemberships = pgTable(
  'directory_memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    groupId: uuid('group_id').notNull(),
    memberId: uuid('member_id').notNull(),
    memberType: text('member_type').$type<'user' | 'group' | 'other'>().notNull(),
    syncRound: integer('sync_round').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.groupId, table.memberId] }),
    index('directory_memberships_member_idx').on(table.tenantId, table.memberId),
  ],
);

export const directoryDomains = pgTable(
  'directory_domains',
  {
    tenantId: uuid('tenant_id').notNull(),
    name: text('name').notNull(),
    isVerified: boolean('is_verified').notNull(),
    isDefault: boolean('is_default').notNull(),
    isInitial: boolean('is_initial').notNull(),
    /** False once Graph no longer lists it (kept for its publication history). */
    present: boolean('present').notNull(),
    discoveredAt: at('discovered_at').notNull(),
    publishedAt: at('published_at'),
    publishedBy: text('published_by'),
    publishedByName: text('published_by_name'),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.name] })],
);

export const directoryOrganization = pgTable('directory_organization', {
  tenantId: uuid('tenant_id').primaryKey(),
  displayName: text('display_name'),
  syncedAt: at('synced_at').notNull(),
});

export const directoryRoleHolders = pgTable(
  'directory_role_holders',
  {
    tenantId: uuid('tenant_id').notNull(),
    roleTemplateId: uuid('role_template_id').notNull(),
    roleName: text('role_name'),
    principalId: uuid('principal_id').notNull(),
    principalType: text('principal_type').$type<'user' | 'group' | 'other'>().notNull(),
    principalName: text('principal_name'),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.roleTemplateId, table.principalId] })],
);

export type SyncResource = 'users' | 'groups' | 'memberships' | 'domains' | 'roles';

/** One row per resource: where its delta stands and how the last (or current) run went. */
export const directorySyncState = pgTable(
  'directory_sync_state',
  {
    tenantId: uuid('tenant_id').notNull(),
    resource: text('resource').$type<SyncResource>().notNull(),
    status: text('status').$type<'idle' | 'running' | 'completed' | 'failed'>().notNull(),
    mode: text('mode').$type<'initial' | 'incremental' | 'full'>(),
    /** Where the next round starts (Graph's @odata.deltaLink). */
    deltaLink: text('delta_link'),
    /** Where the current round resumes after a crash (the @odata.nextLink of the last committed page). */
    nextLink: text('next_link'),
    /** Number of the current or last initial round (rows carry it as sync_round). */
    round: integer('round').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    pages: integer('pages').notNull().default(0),
    /** Expected items of an initial round, for the ETA (null when unknown). */
    expected: integer('expected'),
    ratePerSecond: real('rate_per_second'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    lastSuccessAt: at('last_success_at'),
    lastError: text('last_error'),
    lastErrorAt: at('last_error_at'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.resource] })],
);

export type AppFunctionName = 'retraction' | 'directory' | 'collection';

/** The last admin consent per function: who started it, when it came back, and how. */
export const directoryAuthorizations = pgTable(
  'directory_authorizations',
  {
    tenantId: uuid('tenant_id').notNull(),
    function: text('function').$type<AppFunctionName>().notNull(),
    clientId: text('client_id').notNull(),
    consentedAt: at('consented_at'),
    consentedBy: text('consented_by'),
    consentedByName: text('consented_by_name'),
    loginHint: text('login_hint'),
    /** Permissions seen in a fresh token right after the consent. */
    granted: jsonb('granted').$type<string[]>().notNull().default([]),
    lastError: text('last_error'),
    lastErrorAt: at('last_error_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.function] })],
);

/** Pending admin-consent round trips: the state parameter, single use and short-lived. */
export const directoryConsentStates = pgTable(
  'directory_consent_states',
  {
    /** SHA-256 of the state value sent to Entra (the value itself is never stored). */
    stateHash: text('state_hash').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    function: text('function').$type<AppFunctionName>().notNull(),
    clientId: text('client_id').notNull(),
    startedBy: text('started_by').notNull(),
    startedByName: text('started_by_name'),
    loginHint: text('login_hint'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (table) => [index('directory_consent_states_expiry_idx').on(table.expiresAt)],
);
