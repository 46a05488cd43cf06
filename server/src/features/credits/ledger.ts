/**
 * The credit ledger's movements other than spending: issuing credits for verified
 * participation and taking them back when the XP for it is reversed. Each is one row from
 * one account to another, so the ledger always sums to zero.
 */
import { creditsForEffort, TIME_CREDIT_RULES, type CreditsSummary } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { XpAwardedFact, XpReversedFact } from '../progress/facts';
import * as partnersRepo from './partners-repo';
import * as repo from './repo';

export function createCreditLedger(infra: Pick<Infra, 'db' | 'logger'>) {
  /** Issues credits for each paid award; an award already paid is skipped (idempotent). */
  async function issueForAwards(facts: readonly XpAwardedFact[]): Promise<number> {
    const awards = facts.filter((f) => f.amount > 0);
    if (awards.length === 0) return 0;
    const effort = await repo.effortOf(infra.db, [...new Set(awards.map((f) => f.questId))]);
    return infra.db.transaction(async (tx) => {
      let issued = 0;
      for (const fact of awards) {
        const minutes = effort.get(fact.questId) ?? TIME_CREDIT_RULES.defaultEffortMinutes;
        const council = await repo.ensureAccount(tx, { areaId: fact.areaId, kind: 'council' });
        const holder = await repo.ensureAccount(tx, {
          areaId: fact.areaId,
          kind: 'resident',
          userId: fact.userId,
        });
        const row = await repo.appendEntry(tx, {
          areaId: fact.areaId,
          kind: 'issued',
          fromAccountId: council,
          toAccountId: holder,
          amount: creditsForEffort(minutes),
          questId: fact.questId,
          evidenceId: fact.evidenceId,
          userId: fact.userId,
          reason: `verified participation: ${minutes} minutes of effort`,
        });
        if (row) issued += row.amount;
      }
      return issued;
    });
  }

  /**
   * Takes back the credits an award issued, as far as they are unspent: the holder's
   * account is locked so a redemption cannot spend them at the same moment, and a balance
   * never goes below zero. Credits already spent with a partner stay spent.
   */
  async function reverseForReversals(facts: readonly XpReversedFact[]): Promise<number> {
    let reversed = 0;
    for (const fact of facts) {
      reversed += await infra.db.transaction(async (tx) => {
        const issue = await repo.issueFor(tx, fact.evidenceId, fact.userId);
        if (!issue) return 0;
        await repo.lockAccount(tx, issue.toAccountId);
        const balance = await repo.balanceOf(tx, issue.toAccountId);
        const amount = Math.min(issue.amount, balance);
        if (amount <= 0) return 0;
        const row = await repo.appendEntry(tx, {
          areaId: issue.areaId,
          kind: 'reversed',
          fromAccountId: issue.toAccountId,
          toAccountId: issue.fromAccountId,
          amount,
          questId: issue.questId,
          evidenceId: issue.evidenceId,
          userId: issue.userId,
          reversesId: issue.id,
          reason: `XP reversed: ${fact.reason}`,
        });
        return row?.amount ?? 0;
      });
    }
    return reversed;
  }

  /** Credit totals in the area for the dashboard. */
  async function summary(areaId: string): Promise<CreditsSummary> {
    const [totals, counts] = await Promise.all([
      repo.totalsByKind(infra.db, areaId),
      partnersRepo.areaCounts(infra.db, areaId),
    ]);
    const t = (k: repo.EntryKind) => totals.get(k) ?? 0;
    return {
      issued: t('issued'),
      redeemed: t('redeemed'),
      expired: t('expired'),
      reversed: t('reversed'),
      outstanding: t('issued') - t('redeemed') - t('expired') - t('reversed'),
      ...counts,
    };
  }

  return { issueForAwards, reverseForReversals, summary };
}
