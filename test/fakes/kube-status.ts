/** metav1.Status bodies exactly as the API server writes them for failures. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: unknown[] };
  code: number;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function status(
  code: number,
  message: string,
  details?: StatusBody['details'],
  reason = REASONS[code] ?? 'Unknown',
): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

/** `pods "x" not found`, details {name, kind} (group for non-core kinds). */
export function notFound(resource: string, group: string, name: string): StatusBody {
  const qualified = group ? `${resource}.${group}` : resource;
  return status(404, `${qualified} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource });
}

/** The RBAC authorizer's wording for a refused request. */
export function forbidden(opts: { verb: string; resource: string; group: string; name?: string; namespace?: string; subresource?: string; user?: string }): StatusBody {
  const user = opts.user ?? 'system:serviceaccount:ops:crashloop-bot';
  const qualified = opts.group ? `${opts.resource}.${opts.group}` : opts.resource;
  const what = opts.name ? `${qualified} "${opts.name}" is forbidden` : `${qualified} is forbidden`;
  const res = opts.subresource ? `${opts.resource}/${opts.subresource}` : opts.resource;
  const scope = opts.namespace ? ` in the namespace "${opts.namespace}"` : ' at the cluster scope';
  return status(403, `${what}: User "${user}" cannot ${opts.verb} resource "${res}" in API group "${opts.group}"${scope}`, {
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.group ? { group: opts.group } : {}),
    kind: opts.resource,
  });
}

export function conflict(resource: string, group: string, name: string): StatusBody {
  const qualified = group ? `${resource}.${group}` : resource;
  return status(
    409,
    `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, ...(group ? { group } : {}), kind: resource },
  );
}

export function invalid(kind: string, group: string, name: string, field: string, message: string): StatusBody {
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return status(422, `${qualifiedKind} "${name}" is invalid: ${field}: ${message}`, {
    name,
    ...(group ? { group } : {}),
    kind: kind.toLowerCase() + 's',
    causes: [{ reason: 'FieldValueInvalid', message, field }],
  });
}
