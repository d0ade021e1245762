import { writeAudit } from '../storage/audit.js';
import type { AuditWriter } from './actions.js';

/** Acting on a reminder goes into the case's audit log, in the same transaction as the change. */
export function storageAudit(origin = 'chat'): AuditWriter {
  return (tx, e) => writeAudit(tx, { tenantId: e.tenantId, actorId: e.actorId, origin }, e.action, [e.caseId], e.details);
}
