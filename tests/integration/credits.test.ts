/**
 * Time credits: spending is safe under a race (50 redemptions against 10 credits: exactly
 * 10 codes), the ledger refuses edits, partners see only their own redemptions and a code
 * confirms once.
 */
import { describe, expect, it } from 'vitest';
import type { PartnerRedemption, RedemptionCode } from '@govcraft/shared';
import { useTestServer } from '../support/use-server';
import {
  balanceOf,
  demoQuestId,
  expectLedgerBalanced,
  issueCredits,
  partnerWithStaff,
  publishOffer,
} from './credits-helpers';
import { query } from './evidence-fixtures';

describe('time credits', () => {
  const suite = useTestServer({ officer: true });

  it('lets exactly 10 of 50 concurrent redemptions through against a balance of 10', async () => {
    const { partner, staff } = await partnerWithStaff(suite.server, suite.officer);
    const offer = await publishOffer(staff, partner.id, { cost: 1 });
    const resident = await suite.server.newResident('Racing Resident');
    await issueCredits(suite.server, resident.userId, await demoQuestId(suite.server), 10);
    expect((await balanceOf(resident)).balance).toBe(10);

    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        resident.post<RedemptionCode>(`/api/offers/${offer.id}/redeem`),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    const codes = answers.filter((a) => a.status === 201).map((a) => a.body.code);
    expect(new Set(codes).size).toBe(10);
    const after = await balanceOf(resident);
    expect(after.balance).toBe(0);
    expect(after.openCodes).toHaveLength(10);
    await expectLedgerBalanced(suite.server);

    const refused = answers.find((a) => a.status === 409)!.body as unknown as { message: string };
    expect(refused.message).toMatch(/costs 1 credits and your balance is 0/);
  });

  it('refuses UPDATE and DELETE on the credit ledger', async () => {
    const resident = await suite.server.newResident();
    await issueCredits(suite.server, resident.userId, await demoQuestId(suite.server), 1);
    await expect(query(suite.server, 'update credit_ledger set amount = 99')).rejects.toThrow(
      /append-only/,
    );
    await expect(query(suite.server, 'delete from credit_ledger')).rejects.toThrow(/append-only/);
    expect((await balanceOf(resident)).balance).toBe(1);
  });

  it('stores codes hashed, confirms a code once, and only for its own partner', async () => {
    const a = await partnerWithStaff(suite.server, suite.officer);
    const b = await partnerWithStaff(suite.server, suite.officer);
    const offerA = await publishOffer(a.staff, a.partner.id, { cost: 2 });
    const offerB = await publishOffer(b.staff, b.partner.id, { cost: 1 });
    const resident = await suite.server.newResident();
    await issueCredits(suite.server, resident.userId, await demoQuestId(suite.server), 3);

    const codeA = await resident.post<RedemptionCode>(`/api/offers/${offerA.id}/redeem`);
    const codeB = await resident.post<RedemptionCode>(`/api/offers/${offerB.id}/redeem`);
    expect([codeA.status, codeB.status]).toEqual([201, 201]);
    expect(codeA.body.balance).toBe(1);
    const stored = await query<{ code_hash: string }>(
      suite.server,
      'select code_hash from credit_redemptions where id = $1',
      [codeA.body.redemptionId],
    );
    expect(stored[0]!.code_hash).not.toContain(codeA.body.code.replace('-', ''));
    expect(stored[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);

    // Partner B cannot confirm partner A's code, nor see A's redemptions.
    const wrong = await b.staff.post(`/api/partners/${b.partner.id}/redemptions/confirm`, {
      code: codeA.body.code,
    });
    expect(wrong.status).toBe(404);
    expect((await b.staff.get(`/api/partners/${a.partner.id}/redemptions`)).status).toBe(403);
    expect(
      (
        await resident.post(`/api/partners/${a.partner.id}/redemptions/confirm`, {
          code: codeA.body.code,
        })
      ).status,
    ).toBe(403);

    const first = await a.staff.post<PartnerRedemption>(
      `/api/partners/${a.partner.id}/redemptions/confirm`,
      { code: codeA.body.code.toLowerCase() },
    );
    expect(first.status).toBe(200);
    expect(first.body.confirmedAt).not.toBeNull();
    const second = await a.staff.post(`/api/partners/${a.partner.id}/redemptions/confirm`, {
      code: codeA.body.code,
    });
    expect(second.status).toBe(409);

    const listA = await a.staff.get<{ items: PartnerRedemption[] }>(
      `/api/partners/${a.partner.id}/redemptions`,
    );
    expect(listA.body.items.map((r) => r.id)).toEqual([codeA.body.redemptionId]);
    const listB = await b.staff.get<{ items: PartnerRedemption[] }>(
      `/api/partners/${b.partner.id}/redemptions`,
    );
    expect(listB.body.items.map((r) => r.id)).toEqual([codeB.body.redemptionId]);
    expect(JSON.stringify(listB.body)).not.toContain(resident.userId);
  });

  it('keeps offer limits per resident', async () => {
    const { partner, staff } = await partnerWithStaff(suite.server, suite.officer);
    const offer = await publishOffer(staff, partner.id, { cost: 1, perResidentLimit: 1 });
    const resident = await suite.server.newResident();
    await issueCredits(suite.server, resident.userId, await demoQuestId(suite.server), 2);
    expect((await resident.post(`/api/offers/${offer.id}/redeem`)).status).toBe(201);
    const again = await resident.post<{ message: string }>(`/api/offers/${offer.id}/redeem`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/1 code\(s\) per resident/);
    expect((await balanceOf(resident)).balance).toBe(1);
  });

  it('publishes the credit rule in GET /api/rules', async () => {
    const res = await suite.server
      .client()
      .get<{ timeCredits: { minutesPerCredit: number } }>('/api/rules');
    expect(res.status).toBe(200);
    expect(res.body.timeCredits.minutesPerCredit).toBe(60);
  });
});
