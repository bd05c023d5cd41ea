import { describe, expect, it } from 'vitest';
import { ALL_PATTERNS, announcedPorts, isQuietLine, scanLines, type PatternFamily } from './index.js';

function families(line: string): PatternFamily[] {
  return scanLines([line], ALL_PATTERNS).map((h) => h.family);
}

describe('log patterns generalise across runtimes', () => {
  it.each<[PatternFamily, string]>([
    ['oom', 'Exception in thread "main" java.lang.OutOfMemoryError: GC overhead limit exceeded'],
    ['oom', 'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory'],
    ['oom', 'MemoryError'],
    ['oom', 'fatal error: runtime: out of memory'],
    ['oom', "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown."],
    ['oom', 'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)'],
    ['oom', 'memory allocation of 1073741824 bytes failed'],
    ['runtime-dependency', "ModuleNotFoundError: No module named 'pandas'"],
    ['runtime-dependency', "Error: Cannot find module 'express'"],
    ['runtime-dependency', "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /app/dist/index.js"],
    ['runtime-dependency', 'java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory'],
    ['runtime-dependency', '/app/server: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory'],
    ['runtime-dependency', "<internal:/usr/local/lib/ruby/3.2.0/rubygems/core_ext/kernel_require.rb>:86:in `require': cannot load such file -- nokogiri (LoadError)"],
    ['runtime-dependency', "System.IO.FileNotFoundException: Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0'"],
    ['runtime-dependency', "PHP Warning:  PHP Startup: Unable to load dynamic library 'redis.so'"],
    ['bad-entrypoint', "Error: Cannot find module '/app/server.js'"],
    ['bad-entrypoint', "python: can't open file '/app/main.py': [Errno 2] No such file or directory"],
    ['bad-entrypoint', 'Error: Unable to access jarfile /app/app.jar'],
    ['bad-entrypoint', 'Could not open input file: artisan'],
    ['bad-entrypoint', '/bin/sh: 1: ./start.sh: not found'],
    ['bad-entrypoint', 'exec /docker-entrypoint.sh: no such file or directory'],
    ['exec-format', 'exec /usr/bin/app: exec format error'],
    ['bad-entrypoint', 'npm ERR! Missing script: "start"'],
    ['runtime-dependency', 'Error: /app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node: invalid ELF header'],
    ['missing-config', 'AH00526: Syntax error on line 12 of /usr/local/apache2/conf/httpd.conf:'],
    ['missing-config', 'Error: required key DATABASE_URL missing value'],
    ['missing-config', "KeyError: 'STRIPE_API_KEY'"],
    ['missing-config', "java.lang.IllegalArgumentException: Could not resolve placeholder 'spring.datasource.url' in value \"${spring.datasource.url}\""],
    ['missing-config', "thread 'main' panicked at src/main.rs:12:45: environment variable not found"],
    ['missing-config', 'nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14'],
    ['missing-config', 'Error: Database is uninitialized and superuser password is not specified.'],
    ['missing-config', "open /etc/app/config.yaml: no such file or directory"],
    ['dependency', 'dial tcp: lookup db on 10.96.0.10:53: no such host'],
    ['dependency', 'Error: connect ECONNREFUSED 10.96.14.200:5432'],
    ['dependency', "ERROR 2003 (HY000): Can't connect to MySQL server on 'mysql:3306' (111)"],
    ['dependency', 'Could not connect to Redis at redis:6379: Connection refused'],
    ['permission', "PermissionError: [Errno 13] Permission denied: '/var/log/app.log'"],
    ['permission', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)'],
    ['permission', 'initdb: error: could not change permissions of directory "/var/lib/postgresql/data": Operation not permitted'],
    ['permission', "OSError: [Errno 30] Read-only file system: '/app/cache'"],
    ['port-in-use', 'Error: listen EADDRINUSE: address already in use :::3000'],
    ['port-in-use', 'Web server failed to start. Port 8080 was already in use.'],
    ['port-in-use', '[ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11'],
    ['port-in-use', 'FATAL:  lock file "postmaster.pid" already exists'],
    ['segfault', 'Segmentation fault (core dumped)'],
    ['segfault', '# A fatal error has been detected by the Java Runtime Environment:'],
    ['segfault', 'double free or corruption (out)'],
    ['app-error', 'panic: runtime error: index out of range [3] with length 3'],
    ['app-error', 'Traceback (most recent call last):'],
    ['app-error', "thread 'main' panicked at src/main.rs:4:5:"],
    ['app-error', 'Unhandled exception. System.InvalidOperationException: Sequence contains no elements'],
    ['app-error', "PHP Fatal error:  Uncaught TypeError: strlen(): Argument #1 ($string) must be of type string"],
    ['app-error', "/app/lib/worker.rb:12:in `perform': undefined method `each' for nil:NilClass (NoMethodError)"],
  ])('%s: %s', (family, line) => {
    expect(families(line)).toContain(family);
  });
});

describe('normal lines do not count as errors', () => {
  it.each([
    '2026-04-04T08:00:00Z INFO error budget 99.9% remaining',
    'level=info msg="request served" errors=0',
    '[INFO] Registered ErrorController at /error',
    'I0404 08:00:00.000000       1 main.go:42] connection pool ready (max 10)',
    '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
    'at org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)',
  ])('%s', (line) => {
    const hits = scanLines([line], ALL_PATTERNS).filter((h) => h.family !== 'app-error' || h.pattern.strength >= 0.6);
    expect(hits.map((h) => `${h.family}:${h.pattern.id}`)).toEqual([]);
  });

  it('knows INFO lines from louder ones', () => {
    expect(isQuietLine('2026-04-04 INFO starting')).toBe(true);
    expect(isQuietLine('{"level":"info","msg":"x"}')).toBe(true);
    expect(isQuietLine('2026-04-04 ERROR INFO block missing')).toBe(false);
    expect(isQuietLine('panic: information missing')).toBe(false);
  });
});

describe('announced ports', () => {
  it.each([
    ['server listening on :8080', 8080],
    ['Listening on http://0.0.0.0:3000', 3000],
    ['Now listening on: http://[::]:80', 80],
    ['Tomcat started on port(s): 8081 (http) with context path \'\'', 8081],
    ['INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)', 8000],
    ['[1] * Listening on http://0.0.0.0:9292', 9292],
    ['Example app listening on port 4000', 4000],
    ['listening on IPv4 address "0.0.0.0", port 5432', 5432],
    ['Running MyAppWeb.Endpoint with cowboy 2.10.0 at 0.0.0.0:4001 (http)', 4001],
  ])('%s -> %i', (line, port) => {
    expect(announcedPorts([line]).map((p) => p.port)).toEqual([port]);
  });

  it('ignores ports the program connects to', () => {
    expect(announcedPorts(['connecting to postgres:5432', 'dial tcp 10.0.0.1:6379: connection refused'])).toEqual([]);
  });
});

describe('configuration keys in any case', () => {
  it.each([
    'Error: Config validation error: "database.url" is required',
    "missing required configuration 'db_host'",
    'ValidationError: "port" must be a number',
    'Config File "config" Not Found in "[/app]"',
    "sqlalchemy.exc.ArgumentError: Could not parse rfc1738 URL from string ''",
    'panic: parse "": empty url',
    'Error: ✗ Could not find config defaults, make sure homepath command line parameter is set',
    'command traefik error: field not found, node: entrypoint',
  ])('%s', (line) => {
    expect(families(line)).toContain('missing-config');
  });
});

describe('families stay apart', () => {
  it.each<[string, PatternFamily, PatternFamily]>([
    ["TypeError: Cannot read properties of undefined (reading 'amount')", 'app-error', 'missing-config'],
    ['exec /app/start.sh: permission denied', 'bad-entrypoint', 'dependency'],
    ['ERROR: permission denied for table orders', 'dependency', 'permission'],
    ['java.net.ConnectException: Connection timed out', 'dependency', 'bad-entrypoint'],
  ])('%s is %s, not %s', (line, is, isNot) => {
    expect(families(line)).toContain(is);
    expect(families(line)).not.toContain(isNot);
  });
});
