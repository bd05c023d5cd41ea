// Derived facts about the focus container, computed once from Evidence for every rule.
// (Filled in by the diagnosis work; this is the contract rules import.)
export interface Facts {
  /** Reference time (Evidence.collectedAt) in ms. */
  now: number;
}
