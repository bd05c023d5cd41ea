/** Timings of the action processors; defaults suit production, tests pass shorter ones. */
export interface ActionOptions {
  /** Per Kubernetes request. */
  kubeTimeoutMs: number;
  /** How long to follow a rollout before reporting a timeout (kubectl rollout status has none; we do). */
  rolloutTimeoutSeconds: number;
  /** Seconds between rollout checks (each a delayed job, never a sleep in the worker). */
  pollSeconds: number;
  /** Extra seconds the new pods must run beyond the old crash point. */
  soakMarginSeconds: number;
}

export const DEFAULT_ACTION_OPTIONS: ActionOptions = {
  kubeTimeoutMs: 10_000,
  rolloutTimeoutSeconds: 600,
  pollSeconds: 5,
  soakMarginSeconds: 5,
};
