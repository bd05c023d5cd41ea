/** application-error with hostile text: Slack control sequences and live secrets in the crash output. */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);

/** Hostile text: Slack mention/link markup and live secrets in the log lines and the termination message. */
function hostileSlackMarkup(): ScenarioDef {
  const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtY2hlY2tvdXQiLCJpYXQiOjE3NzUyOTAwMDB9.Q2hlY2tvdXRTaWduYXR1cmVOb3RSZWFsMTIzNDU2';
  const slackToken = 'xoxb-2211334455-6677889900-Zq8vPp3LrT5wXy7AbCdEfGhI';
  const tail = [
    "TypeError: Cannot read properties of undefined (reading 'amount') <!channel> <@U123ABC> see <https://evil.example|click>",
    '    at applyDiscount (/app/src/checkout/discount.js:42:31)',
    '    at processCart (/app/src/checkout/cart.js:118:12)',
    '    at async bootstrap (/app/src/index.js:27:3)',
    `  [cause]: retry with postgres://checkout:hunter2-Prod!@pg.shop.svc:5432/checkout token=${slackToken}`,
  ];
  return appScenario({
    dir: 'application-error/hostile-slack-markup-and-secrets',
    source: 'synthetic: Node.js checkout service whose crash output carries Slack control sequences (<!channel>, <@U123ABC>, <https://evil.example|click>) and secrets (password, bearer JWT, Slack bot token)',
    cause: 'application-error',
    hostile: true,
    secrets: ['hunter2-Prod!', jwt, slackToken],
    app: 'checkout',
    ns: 'shop',
    history: 'single',
    podAge: 1500,
    containers: [
      {
        name: 'checkout',
        image: 'registry.example.com/shop/checkout:7.7.0',
        ports: [{ containerPort: 3000 }],
        terminationMessagePolicy: 'FallbackToLogsOnError',
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    statuses: { checkout: crash(1, { ran: 1.5, finishedAgo: 100, restarts: 9, message: tail.join('\n') }) },
    logs: {
      checkout: {
        previous: lines(
          `{"level":30,"time":${T.epochMs(101.5)},"msg":"checkout 7.7.0 starting <!here> <!subteam^S0123|oncall>"}`,
          `{"level":30,"time":${T.epochMs(101.4)},"msg":"config loaded","db":"postgres://checkout:hunter2-Prod!@pg.shop.svc:5432/checkout","slack":"SLACK_BOT_TOKEN=${slackToken}"}`,
          `{"level":40,"time":${T.epochMs(101.0)},"msg":"upstream call","headers":"Authorization: Bearer ${jwt}"}`,
          'DB_PASSWORD=hunter2-Prod! loaded from env & ready <script>alert(1)</script>',
          ...tail,
        ),
      },
    },
  });
}

export const HOSTILE_SCENARIOS = [hostileSlackMarkup];
