// Campaign estimates expand a message's recipients through the directory; a wave of lures to one
// list asks the same question again and again, and the directory is asked once.
import { describe, expect, it } from 'vitest';
import type { DirectoryService, MailboxRef } from '../../../api/src/directory/directory-service.js';
import { createRecipientCounts } from '../../../api/src/reports/recipient-counts.js';

const TENANT = '7f4c5a4e-0000-4000-8000-000000000001';
const OTHER_TENANT = '7f4c5a4e-0000-4000-8000-000000000002';

function fakeDirectory(sizes: Record<string, number>) {
  const asked: string[][] = [];
  let failNext = false;
  const directory = {
    async expandAddresses(tenantId: string, addresses: string[]): Promise<MailboxRef[]> {
      asked.push([tenantId, ...addresses]);
      if (failNext) {
        failNext = false;
        throw new Error('directory unavailable');
      }
      const size = addresses.reduce((sum, a) => sum + (sizes[a] ?? 0), 0);
      return Array.from({ length: size }, () => ({}) as MailboxRef);
    },
  } as unknown as DirectoryService;
  return { directory: () => directory, asked, failOnce: () => (failNext = true) };
}

describe('recipient counts', () => {
  it('asks the directory once for the same recipients, in any order, even when asked at once', async () => {
    const fake = fakeDirectory({ 'all-staff@contoso.com': 120, 'alice@contoso.com': 1 });
    const counts = createRecipientCounts(fake.directory);
    const answers = await Promise.all([
      counts.count(TENANT, ['all-staff@contoso.com', 'alice@contoso.com']),
      counts.count(TENANT, ['alice@contoso.com', 'all-staff@contoso.com']),
      counts.count(TENANT, ['alice@contoso.com', 'all-staff@contoso.com', 'alice@contoso.com']),
    ]);
    expect(answers).toEqual([121, 121, 121]);
    expect(fake.asked).toHaveLength(1);
  });

  it('keeps tenants and different recipients apart', async () => {
    const fake = fakeDirectory({ 'all-staff@contoso.com': 120, 'alice@contoso.com': 1 });
    const counts = createRecipientCounts(fake.directory);
    expect(await counts.count(TENANT, ['all-staff@contoso.com'])).toBe(120);
    expect(await counts.count(TENANT, ['alice@contoso.com'])).toBe(1);
    expect(await counts.count(OTHER_TENANT, ['all-staff@contoso.com'])).toBe(120);
    expect(fake.asked).toHaveLength(3);
  });

  it('does not remember a failed expansion: the retried job asks again', async () => {
    const fake = fakeDirectory({ 'all-staff@contoso.com': 120 });
    const counts = createRecipientCounts(fake.directory);
    fake.failOnce();
    await expect(counts.count(TENANT, ['all-staff@contoso.com'])).rejects.toThrow('directory unavailable');
    expect(await counts.count(TENANT, ['all-staff@contoso.com'])).toBe(120);
    expect(fake.asked).toHaveLength(2);
  });
});
