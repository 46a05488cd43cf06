/** The facts teams publish after the transaction that made them commits. */

/** The last member left: the team is gone, its history stays in the ledger. */
export interface TeamDeletedFact {
  areaId: string;
  teamId: string;
}
