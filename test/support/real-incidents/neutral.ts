/**
 * The shared builders describe an AKS node; a report that names its own node (minikube, EC2, GKE, k3s) gets a
 * neutral one instead. Applied inside each definition, so the fixtures come out the same whichever generator
 * writes them (real-incidents/main.ts, or fixture-gen/main.ts if it registers REAL_TUNED).
 */
import type { ScenarioDef } from '../fixture-gen/define.js';
import { hex } from '../fixture-gen/ids.js';
import type { J } from '../fixture-gen/objects.js';
import { DEFAULT_NODE } from '../fixture-gen/workload.js';

function neutralNode(o: J): J {
  if (o.kind !== 'Node' || o.metadata.name === DEFAULT_NODE) return o;
  const labels = { ...o.metadata.labels };
  for (const k of ['node.kubernetes.io/instance-type', 'topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'agentpool']) delete labels[k];
  const { providerID: _p, ...spec } = o.spec;
  return { ...o, metadata: { ...o.metadata, labels }, spec };
}

/**
 * Two containers of one pod with the same image get lifecycle events with the same reason, message and time,
 * hence the same generated name; the API server never has two events of one name, so rename the later one.
 */
function uniqueEventNames(objects: J[]): J[] {
  const seen = new Set<string>();
  return objects.map((o) => {
    if (o.kind !== 'Event') return o;
    let name = o.metadata.name as string;
    if (seen.has(name)) {
      const pod = o.involvedObject.name as string;
      name = `${pod}.${hex(`ev:${name}:${o.involvedObject.fieldPath ?? ''}`, 16)}`;
    }
    seen.add(name);
    return name === o.metadata.name ? o : { ...o, metadata: { ...o.metadata, name } };
  });
}

/** Wrap scenario makers so their Node objects are neutral and their event names unique. */
export function neutral(makers: Array<() => ScenarioDef>): Array<() => ScenarioDef> {
  return makers.map((make) => () => {
    const def = make();
    return { ...def, objects: uniqueEventNames(def.objects.map(neutralNode)) };
  });
}
