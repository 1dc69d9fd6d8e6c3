// Weeks of ordinary mail for the demo tenant: colleagues writing to each other (with replies, CCs
// and attachments), items filed into Archive and a custom folder, deleted items, a draft, a junk
// newsletter, calendar events and meeting invitations.
import { addFolder, wellKnownFolder } from './mailbox.js';
import { deliver, moveMessage, storeMessage } from './mail.js';
import type { TenantState } from './tenant.js';
import type { SandboxEvent, SandboxUser } from './types.js';

const TOPICS = [
  'Quarterly planning',
  'Budget review',
  'Customer visit',
  'Release notes',
  'Team offsite',
  'Hiring update',
  'Design review',
  'Contract renewal',
  'Travel booking',
  'Incident follow-up',
  'Training schedule',
  'Weekly report',
];

const DAY = 86400_000;

function iso(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function seedMail(tenant: TenantState, perUser: number, now: number): void {
  const people = [...tenant.users.values()].filter(
    (u) => u.userType === 'Member' && u.mailboxType === 'user' && u.licensed,
  );
  if (people.length < 2) return;
  const random = tenant.random;
  for (const person of people) {
    const mailbox = tenant.mailbox(person.id);
    const projects = addFolder(mailbox, random, 'Projects', wellKnownFolder(mailbox, 'inbox').id);
    for (let n = 0; n < perUser; n += 1) {
      let sender = random.pick(people);
      if (sender.id === person.id) sender = people[(people.indexOf(sender) + 1) % people.length]!;
      const topic = random.pick(TOPICS);
      const cc = random.chance(0.25) ? [random.pick(people).mail!] : [];
      const withAttachment = random.chance(0.2);
      const received = now - random.int(21 * DAY) - DAY;
      const result = deliver(tenant, {
        from: address(sender),
        to: [person.mail!],
        cc: cc.filter((a) => a !== person.mail),
        subject: random.chance(0.3) ? `RE: ${topic}` : topic,
        body: `<html><body><p>Hi ${person.givenName ?? ''},</p><p>Notes on ${topic.toLowerCase()} attached below.</p><p>${sender.displayName}</p></body></html>`,
        receivedDateTime: iso(received),
        isRead: random.chance(0.7),
        keepSentCopy: true,
        attachments: withAttachment
          ? [
              {
                name: `${topic.replace(/\s+/g, '-').toLowerCase()}.txt`,
                contentType: 'text/plain',
                content: Buffer.from(`${topic}\n${'-'.repeat(topic.length)}\nItems: ${random.int(100)}\n`),
              },
            ]
          : [],
      });
      const copy = result.copies.find((c) => c.userId === person.id);
      const message = copy ? mailbox.messages.get(copy.id) : undefined;
      if (!message) continue;
      const roll = random.next();
      if (roll < 0.15) moveMessage(tenant, mailbox, message, wellKnownFolder(mailbox, 'archive').id);
      else if (roll < 0.25) moveMessage(tenant, mailbox, message, projects.id);
      else if (roll < 0.3) moveMessage(tenant, mailbox, message, wellKnownFolder(mailbox, 'deleteditems').id);
    }
    addDraft(tenant, person, now);
    addJunkNewsletter(tenant, person, now);
  }
  addMeetings(tenant, people, now);
}

function address(user: SandboxUser) {
  return { name: user.displayName, address: user.mail! };
}

function addDraft(tenant: TenantState, person: SandboxUser, now: number): void {
  const mailbox = tenant.mailbox(person.id);
  storeMessage(tenant, mailbox, {
    internetMessageId: `<${tenant.random.guid()}@contoso.com>`,
    conversationId: tenant.random.exchangeId('AAQkA'),
    subject: 'Draft: ideas for next quarter',
    body: { contentType: 'html', content: '<html><body><p>Unfinished thoughts…</p></body></html>' },
    from: address(person),
    sender: address(person),
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    internetMessageHeaders: [],
    receivedDateTime: iso(now - DAY),
    sentDateTime: iso(now - DAY),
    isRead: true,
    isDraft: true,
    importance: 'normal',
    categories: [],
    folderId: wellKnownFolder(mailbox, 'drafts').id,
    attachments: [],
    meetingMessageType: null,
    eventId: null,
  });
}

function addJunkNewsletter(tenant: TenantState, person: SandboxUser, now: number): void {
  deliver(tenant, {
    from: { name: 'Deals Weekly', address: 'news@deals-weekly.example' },
    to: [person.mail!],
    subject: 'This week only: 70% off everything',
    body: '<html><body><p>Huge savings! <a href="https://deals-weekly.example/offer">Shop now</a></p></body></html>',
    receivedDateTime: iso(now - tenant.random.int(14 * DAY)),
    folder: 'junkemail',
  });
}

function addMeetings(tenant: TenantState, people: SandboxUser[], now: number): void {
  const random = tenant.random;
  const meetings = Math.max(1, Math.floor(people.length / 3));
  for (let i = 0; i < meetings; i += 1) {
    const organizer = random.pick(people);
    const attendees = [...new Set([random.pick(people), random.pick(people)])].filter(
      (p) => p.id !== organizer.id,
    );
    const start = Math.floor((now + (random.int(28) - 14) * DAY) / 3600_000) * 3600_000;
    const subject = `${random.pick(TOPICS)} sync`;
    const iCalUId = `040000008200E00074C5B7101A82E008${random.bytes(16).toString('hex').toUpperCase()}`;
    const cancelled = random.chance(0.1);
    for (const participant of [organizer, ...attendees]) {
      const event: SandboxEvent = {
        id: random.exchangeId('AAMkAE'),
        iCalUId,
        subject,
        body: { contentType: 'html', content: `<html><body><p>Agenda: ${subject}</p></body></html>` },
        start: iso(start),
        end: iso(start + 3600_000),
        timeZone: 'UTC',
        location: random.pick(['Room 101', 'Room 202', 'Microsoft Teams Meeting']),
        organizer: address(organizer),
        attendees: attendees.map((a) => ({ emailAddress: address(a), type: 'required' as const })),
        isCancelled: cancelled,
        isAllDay: false,
        createdDateTime: iso(start - 7 * DAY),
        lastModifiedDateTime: iso(start - 7 * DAY),
        seq: tenant.nextSeq(),
      };
      tenant.mailbox(participant.id).events.set(event.id, event);
      if (participant.id === organizer.id) continue;
      deliver(tenant, {
        from: address(organizer),
        to: [participant.mail!],
        subject: cancelled ? `Canceled: ${subject}` : subject,
        body: event.body.content,
        receivedDateTime: iso(start - 7 * DAY),
        isRead: random.chance(0.5),
        meetingMessageType: cancelled ? 'meetingCancelled' : 'meetingRequest',
        eventId: event.id,
      });
    }
  }
}
