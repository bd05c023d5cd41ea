/** The pod templates of rendered workloads, typed with the client's models, for the deploy tests. */
import type { V1Container, V1PodSpec } from '@kubernetes/client-node';
import type { K8sObject } from './render.js';

export type PodSpec = V1PodSpec;
export type Container = V1Container;

export interface RenderedPod {
  /** e.g. "Deployment/crashloop-bot-serve" */
  owner: string;
  labels: Record<string, string>;
  spec: PodSpec;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export function podSpecs(objects: K8sObject[]): RenderedPod[] {
  const pods: RenderedPod[] = [];
  for (const o of objects) {
    if (WORKLOADS.has(o.kind)) {
      const template = (o as unknown as { spec: { template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } } }).spec.template;
      pods.push({ owner: `${o.kind}/${o.metadata.name}`, labels: template.metadata?.labels ?? {}, spec: template.spec });
    } else if (o.kind === 'CronJob' || o.kind === 'Pod') {
      throw new Error(`podSpecs: ${o.kind} is not handled; extend test/deploy/pod-spec.ts`);
    }
  }
  return pods;
}
