/**
 * The shared builders describe an AKS node; a report that names its own node (minikube, EC2, GKE, k3s) gets a
 * neutral one instead. Applied inside each definition, so the fixtures come out the same whichever generator
 * writes them (real-incidents/main.ts, or fixture-gen/main.ts if it registers REAL_TUNED).
 */
import type { ScenarioDef } from '../fixture-gen/define.js';
import type { J } from '../fixture-gen/objects.js';
import { DEFAULT_NODE } from '../fixture-gen/workload.js';

function neutralNode(o: J): J {
  if (o.kind !== 'Node' || o.metadata.name === DEFAULT_NODE) return o;
  const labels = { ...o.metadata.labels };
  for (const k of ['node.kubernetes.io/instance-type', 'topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'agentpool']) delete labels[k];
  const { providerID: _p, ...spec } = o.spec;
  return { ...o, metadata: { ...o.metadata, labels }, spec };
}

/** Wrap scenario makers so their Node objects are neutral. */
export function neutral(makers: Array<() => ScenarioDef>): Array<() => ScenarioDef> {
  return makers.map((make) => () => {
    const def = make();
    return { ...def, objects: def.objects.map(neutralNode) };
  });
}
