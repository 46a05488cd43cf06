/** The facts evidence publishes after the transaction that decided them commits. */

export interface EvidenceDecidedFact {
  evidenceId: string;
  questId: string;
  areaId: string;
  userId: string;
  status: 'verified' | 'rejected' | 'needs_review';
}
