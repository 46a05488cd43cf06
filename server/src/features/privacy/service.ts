/**
 * A person's data across features: the export gathers every feature's section, and account
 * deletion erases each feature's personal data and then the account itself, all in one
 * transaction (a failure anywhere leaves the account as it was). It sits above the features
 * that hold personal data and calls each of them downward.
 */
import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { EvidenceService } from '../evidence/service';
import type { NotFixedService } from '../not-fixed/service';
import type { TeamsService } from '../teams/service';

export interface PrivacyDeps {
  accounts: Pick<AccountsService, 'me' | 'confirmPassword' | 'eraseAccount'>;
  teams: Pick<TeamsService, 'exportFor' | 'leaveAllTeams'>;
  evidence: Pick<EvidenceService, 'exportFor' | 'erasePersonalData'>;
  notFixed: Pick<NotFixedService, 'exportFor' | 'erasePersonalData'>;
}

export function createPrivacyService(infra: Pick<Infra, 'db' | 'clock'>, deps: PrivacyDeps) {
  async function exportData(userId: string) {
    const profile = await deps.accounts.me(userId);
    const teams = await deps.teams.exportFor(userId);
    const evidence = await deps.evidence.exportFor(userId);
    const notFixedReports = await deps.notFixed.exportFor(userId);
    return {
      exportedAt: infra.clock.now().toISOString(),
      profile,
      teams,
      evidence,
      notFixedReports,
    };
  }

  /** Personal data removed everywhere; XP stays in the ledger under an anonymous account. */
  async function deleteAccount(userId: string, password: string): Promise<void> {
    await deps.accounts.confirmPassword(userId, password);
    await infra.db.transaction(async (tx) => {
      await deps.teams.leaveAllTeams(tx, userId);
      await deps.evidence.erasePersonalData(tx, userId);
      await deps.notFixed.erasePersonalData(tx, userId);
      await deps.accounts.eraseAccount(tx, userId);
    });
  }

  return { exportData, deleteAccount };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
