import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { compact, eventItem, eventsOf, stateItem, who } from './support.js';

const PULL_WAITING = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull', 'RegistryUnavailable', 'SignatureValidationFailed']);

function why(text: string): { what: string; fix: string } {
  if (/no match(?:ing manifest)? for platform|no matching manifest/i.test(text))
    return { what: 'the image has no variant for the node\'s CPU architecture', fix: 'publish a multi-arch image (docker buildx --platform linux/amd64,linux/arm64) or pin the pod to nodes of the image\'s architecture' };
  if (/unauthori[sz]ed|authentication required|denied|forbidden|401|403|no basic auth credentials/i.test(text))
    return { what: 'the registry refused the credentials (or none were sent)', fix: 'add or fix the imagePullSecret for this registry' };
  if (/toomanyrequests|rate limit/i.test(text)) return { what: 'the registry rate-limited the pull', fix: 'authenticate pulls or mirror the image to your own registry' };
  if (/not found|manifest unknown|does not exist|NotFound|name unknown/i.test(text))
    return { what: 'the image or tag does not exist in the registry', fix: 'correct the image name/tag (check the CI pushed it)' };
  if (/no such host|i\/o timeout|dial tcp|connection refused|TLS|x509/i.test(text))
    return { what: 'the node cannot reach the registry', fix: 'check the registry address, DNS and egress from the node' };
  if (/InvalidImageName|invalid reference format/i.test(text)) return { what: 'the image reference is malformed', fix: 'fix the image string in the manifest' };
  return { what: 'the kubelet cannot pull the image', fix: 'check the image name, tag and pull credentials' };
}

export const imagePullRule: Rule = {
  id: 'image-pull',
  title: 'Image cannot be pulled',
  match(_evidence, f) {
    const events = eventsOf(f, 'pull-failed');
    const waiting = f.waitingReason !== null && PULL_WAITING.has(f.waitingReason);
    if (!waiting && events.length === 0) return null;
    // Pull failures without a pull waiting reason: current only while the container has not started yet.
    const notStarted = f.last === null && f.stateName !== 'running' && (f.waitingReason === null || f.waitingReason === 'ContainerCreating');
    const confidence = waiting ? 0.95 : notStarted ? 0.85 : 0.35;
    const text = [f.waitingMessage ?? '', ...events.map((e) => e.message)].join('\n');
    const { what, fix } = why(text);
    const k = kubectl(f);
    const image = f.spec?.image ?? f.image ?? '<image>';
    return {
      confidence,
      title: `${f.container} cannot pull its image`,
      summary: `The kubelet cannot pull ${image} for ${who(f)}: ${what}. Nothing has run yet, so there are no logs; ${fix}.`,
      evidence: compact([
        stateItem(f),
        { kind: 'spec', text: `image: ${image}` },
        eventItem(events.filter((e) => /Failed to pull|pull access denied|manifest|not found|unauthori/i.test(e.message))) ?? eventItem(events),
      ]),
      remedy: {
        text: `${fix[0]?.toUpperCase()}${fix.slice(1)}, then let the kubelet retry (or re-create the pod).`,
        commands: compact([
          k.describePod(),
          `kubectl -n ${f.namespace} get pod ${f.podName} -o jsonpath='{.spec.imagePullSecrets}'`,
          k.workloadRef ? `kubectl -n ${f.namespace} set image ${k.workloadRef} ${f.container}=<registry>/<image>:<existing-tag>` : null,
          /credentials|imagePullSecret/.test(fix)
            ? `kubectl -n ${f.namespace} create secret docker-registry regcred --docker-server=<registry> --docker-username=<user> --docker-password=<token>`
            : null,
        ]),
      },
    };
  },
};
