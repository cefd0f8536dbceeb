const { createBenchWorld } = require('../dist/bench-world');
(async () => { const world = await createBenchWorld({ sessions: 50, tokenTtlSeconds: 8 * 3600 });
  const env = await world.withConfig('t', 'version: 1\ndefaults:\n  threshold: 20m\nlog:\n  level: info\n');
  require('fs').writeFileSync('/tmp/p13/world.env', Object.entries(env).map(([k, v]) => `export ${k}='${v}'`).join('\n') + `\ncd ${world.dir}\n`);
  console.log('ready'); setInterval(() => {}, 1e9); })();
