/**
 * How one audit row reads in public. Only fields named here leave the server: people as the
 * role they hold, records by id and title only when the record itself is public, and a
 * change as from/to with a reason only where the reason is about a public quest. The
 * stored before/after states are never passed through, so a new kind of entry cannot leak
 * what it happens to record.
 */
import type { AuditActorRole, PublicAuditEntry } from '@govcraft/shared';
import type { PublicAuditRow } from './public-repo';

/** Quest statuses whose quest is not public yet (or never will be). */
const PRIVATE_QUEST_STATUSES = new Set(['proposed', 'rejected', 'draft']);

const WHO: Record<AuditActorRole, string> = {
  resident: 'A resident',
  moderator: 'A moderator',
  officer: 'An officer',
  admin: 'An area admin',
  platform_admin: 'A platform admin',
  system: 'The system',
  former_member: 'A former member',
};

type Fields = Record<string, unknown>;
const fieldsOf = (value: unknown): Fields =>
  typeof value === 'object' && value !== null ? (value as Fields) : {};
const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function actorRoleOf(row: PublicAuditRow): AuditActorRole {
  if (!row.hasActor) return 'system';
  if (row.actorDeleted) return 'former_member';
  if (row.actorAreaRole) return row.actorAreaRole as AuditActorRole;
  return row.actorIsPlatformAdmin ? 'platform_admin' : 'former_member';
}

interface Subject {
  entry: PublicAuditEntry['subject'];
  words: string;
  /** Whether reasons about this record may be shown. */
  isPublic: boolean;
}

function questSubject(row: PublicAuditRow): Subject {
  const status = row.questStatus;
  if (!row.questId || !status) return { entry: blank('quest'), words: 'a quest', isPublic: false };
  if (PRIVATE_QUEST_STATUSES.has(status)) {
    const kind = status === 'draft' ? 'draft quest' : 'proposal';
    return { entry: blank(kind.replace(' ', '_')), words: `a ${kind}`, isPublic: false };
  }
  return {
    entry: { type: 'quest', id: row.questId, title: row.questTitle },
    words: `the quest “${row.questTitle}”`,
    isPublic: true,
  };
}

const blank = (type: string) => ({ type, id: null, title: null });

function subjectOf(row: PublicAuditRow, areaName: string): Subject {
  switch (row.entityType) {
    case 'quest':
      return questSubject(row);
    case 'evidence': {
      const quest = questSubject(row);
      return {
        entry: { type: 'evidence', id: null, title: quest.entry.title },
        words: quest.isPublic ? `evidence for ${quest.words}` : 'evidence',
        isPublic: false,
      };
    }
    case 'storyline':
      return {
        entry: { type: 'storyline', id: row.entityId, title: row.storylineTitle },
        words: row.storylineTitle ? `the storyline “${row.storylineTitle}”` : 'a storyline',
        isPublic: true,
      };
    case 'area':
      return {
        entry: { type: 'area', id: row.entityId, title: areaName },
        words: `the area “${areaName}”`,
        isPublic: true,
      };
    case 'user':
      return { entry: blank('person'), words: 'a person', isPublic: false };
    default:
      return { entry: blank(row.entityType), words: `a ${row.entityType}`, isPublic: false };
  }
}

/** A status or role change, read from the stored states by known keys only. */
function changeOf(row: PublicAuditRow, subject: Subject): PublicAuditEntry['change'] {
  const before = fieldsOf(row.before);
  const after = fieldsOf(row.after);
  if (row.action === 'area.archive' || row.action === 'area.restore') {
    const archived = row.action === 'area.archive';
    return {
      from: archived ? 'open' : 'archived',
      to: archived ? 'archived' : 'open',
      reason: null,
    };
  }
  for (const key of ['status', 'role'] as const) {
    const to = textOf(after[key]);
    if (to === null) continue;
    const reason = subject.isPublic && key === 'status' ? textOf(after.reason) : null;
    return { from: textOf(before[key]), to, reason };
  }
  return null;
}

function sentence(
  action: string,
  who: string,
  subject: Subject,
  change: PublicAuditEntry['change'],
) {
  const reason = change?.reason ? `: ${change.reason}` : '';
  if (action === 'role.change' && change)
    return change.from
      ? `${who} changed a person's role from ${change.from} to ${change.to}`
      : `${who} gave a person the ${change.to} role`;
  if (action === 'invite.create') return `${who} invited a new ${change?.to ?? 'member'}`;
  if (action === 'evidence.review') return `${who} reviewed ${subject.words}: ${change?.to}`;
  if (action.endsWith('.create') || action.endsWith('.propose')) {
    const verb = action.endsWith('.propose') ? 'proposed' : 'created';
    return `${who} ${verb} ${subject.words}`;
  }
  if (action.endsWith('.update')) return `${who} edited ${subject.words}`;
  if (action === 'area.delete') return `${who} deleted ${subject.words}`;
  if (change)
    return change.from
      ? `${who} moved ${subject.words} from ${change.from} to ${change.to}${reason}`
      : `${who} set ${subject.words} to ${change.to}${reason}`;
  return `${who} did ${action} on ${subject.words}`;
}

export function publicAuditEntry(row: PublicAuditRow, areaName: string): PublicAuditEntry {
  const actorRole = actorRoleOf(row);
  const subject = subjectOf(row, areaName);
  const change = changeOf(row, subject);
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actorRole,
    subject: subject.entry,
    change,
    summary: sentence(row.action, WHO[actorRole], subject, change),
  };
}
