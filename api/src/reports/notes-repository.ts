// Triage notes on reports and campaigns, oldest first.
import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';
import { triageNotes } from '../db/schema/index.js';

export type NoteRow = typeof triageNotes.$inferSelect;
export type NoteTarget = 'report' | 'campaign';

const MAX_NOTES = 500;

export function createNotesRepository(db: Database) {
  return {
    async add(row: NoteRow, tx?: Executor): Promise<NoteRow> {
      const [inserted] = await (tx ?? db).insert(triageNotes).values(row).returning();
      return inserted!;
    },

    async of(tenantId: string, targetType: NoteTarget, targetId: string): Promise<NoteRow[]> {
      return db
        .select()
        .from(triageNotes)
        .where(
          and(
            eq(triageNotes.tenantId, tenantId),
            eq(triageNotes.targetType, targetType),
            eq(triageNotes.targetId, targetId),
          ),
        )
        .orderBy(asc(triageNotes.createdAt), asc(triageNotes.id))
        .limit(MAX_NOTES);
    },
  };
}

export type NotesRepository = ReturnType<typeof createNotesRepository>;
