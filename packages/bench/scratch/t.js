const { createBenchWorld } = require('../dist/bench-world');
const { runTimed } = require('../dist/run-timed');
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const bins = JSON.parse(process.argv[2]);
const runs = Number(process.argv[3] || 9);
const which = (process.argv[4] || 'version,status,creds,daemon').split(',');
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
(async () => {
  const world = await createBenchWorld({ sessions: 50, tokenTtlSeconds: 8 * 3600 });
  const env = await world.withConfig('t', 'version: 1\ndefaults:\n  threshold: 20m\nlog:\n  level: info\n');
  delete env.NODE_EXTRA_CA_CERTS;
  const cases = { version: ['--version'], status: ['status'], creds: ['credentials', '--profile', 's0001-dev'], daemon: ['credentials', '--profile', 's0001-dev'] };
  let daemon;
  try {
    for (const w of which) {
      if (w === 'daemon') {
        daemon = spawn(process.execPath, [bins[bins.length - 1], 'run'], { env, stdio: 'ignore' });
        for (let i = 0; i < 400 && !existsSync(join(env.SSO_SUPERVISOR_STATE_DIR, 'daemon.sock')); i++) await new Promise((r) => setTimeout(r, 25));
      }
      const t = { node: [] }; bins.forEach((b) => (t[b] = []));
      for (let r = -1; r < runs; r++) {
        const n = await runTimed(['-e', '0'], { env, cwd: world.dir });
        if (r >= 0) t.node.push(n.ms);
        for (const b of bins) {
          const x = await runTimed([...(process.env.NODEARGS ? process.env.NODEARGS.split(' ') : []), b, ...cases[w]], { env, cwd: world.dir });
          if (x.code !== 0) throw new Error(b + ' ' + w + ' ' + x.stderr);
          if (r >= 0) t[b].push(x.ms);
        }
      }
      const nm = med(t.node);
      console.log(`${w}: node -e 0 ${nm.toFixed(1)} ms; ` + bins.map((b) => `${b.replace(/^.*\/(pack13|p13)\//, '')} ${med(t[b]).toFixed(1)} ms ${(med(t[b]) / nm).toFixed(2)}x`).join('; '));
    }
  } finally { daemon?.kill('SIGTERM'); await world.close(); }
})();
