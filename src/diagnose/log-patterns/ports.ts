/** Ports a program announces it listens on ("listening on :8080", "Tomcat started on port 8080"). */

const PORT_PATTERNS: RegExp[] = [
  // "listening on :8080", "Listening on http://0.0.0.0:3000", "Now listening on: http://[::]:80", "Listening at: http://0.0.0.0:8000"
  /\blisten(?:ing|s)?\b(?:\s+(?:on|at))?:?\s+(?:address\s+)?\S*?:(\d{2,5})\b/i,
  // "Started on port 8080", "Tomcat started on port(s): 8080 (http)", "server running on port 3000", "listening on IPv4 address "0.0.0.0", port 5432"
  /\b(?:listen(?:ing|s)?|start(?:ed|ing)?|running|serving|bound|binding|bind|up|ready|server|tomcat|jetty|kestrel|netty|undertow|initialized)\b[^\n]{0,60}?\bports?(?:\(s\))?\s*[:=#]?\s*(\d{2,5})\b/i,
  // "bound to 0.0.0.0:3000", "Running on http://127.0.0.1:5000", "Uvicorn running on http://0.0.0.0:8000", "at 0.0.0.0:4000 (http)"
  /\b(?:bound|binding|bind(?:ing)? to|listening|serving|running|started|starting|available|accepting connections)\b[^\n]{0,60}?(?:0\.0\.0\.0|127\.0\.0\.1|localhost|\[::\]|::|\*|\+|[\w-]+\.[\w.-]+):(\d{2,5})\b/i,
];

const NOT_LISTENING = /\b(?:connect(?:ing|ion|ed)? to|dial(?:ing)?|upstream|proxy(?:ing)? to|forward(?:ing)? to|redirect|database|db|redis|postgres|mysql|mongo|kafka|amqp|calling|request(?:ing)?|fetch(?:ing)?|GET|POST)\b/i;

/** Ports the lines announce, in order of first mention, with the line that says so. */
export function announcedPorts(lines: readonly string[]): Array<{ port: number; line: string }> {
  const found = new Map<number, string>();
  for (const raw of lines) {
    const line = raw.length > 500 ? raw.slice(0, 500) : raw;
    for (const re of PORT_PATTERNS) {
      const m = re.exec(line);
      if (!m?.[1]) continue;
      const before = line.slice(0, m.index + m[0].length);
      if (NOT_LISTENING.test(before) && !/\blisten/i.test(before)) continue;
      const port = Number(m[1]);
      if (port > 0 && port <= 65535 && !found.has(port)) found.set(port, raw.trim());
      break;
    }
  }
  return [...found].map(([port, line]) => ({ port, line }));
}
