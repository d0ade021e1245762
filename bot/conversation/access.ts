import { localeFrom, type Locale } from '../../cards/locale.js';
import type { TenantScope } from '../storage/scope.js';
import type { TextKey } from './texts.js';
import type { TurnContextInfo } from './types.js';

export type Access = { ok: true; scope: TenantScope; locale: Locale } | { ok: false; reason: TextKey; locale: Locale };

/**
 * Every turn that touches cases needs a tenant and a user (the tenant filters every query, the
 * user goes into the audit log); with an allow-list, only the listed tenants get in.
 */
export function checkAccess(turn: TurnContextInfo, allowedTenants: readonly string[] | undefined): Access {
  const locale = localeFrom(turn.locale);
  if (!turn.tenantId || !turn.userId) return { ok: false, reason: 'noIdentity', locale };
  if (allowedTenants && !allowedTenants.includes(turn.tenantId)) return { ok: false, reason: 'tenantNotAllowed', locale };
  return { ok: true, scope: { tenantId: turn.tenantId, actorId: turn.userId, origin: 'chat' }, locale };
}
