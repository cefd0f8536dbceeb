import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configVariables } from './config-variables';

describe(configVariables.name, () => {
  it('lists each ${NAME} in values once, not in comments nor $${ literals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-vars-'));
    const file = join(dir, 'supervisor.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        '# webhookUrl: ${COMMENTED_OUT}',
        'notifiers:',
        '  - { name: team, type: slack, webhookUrl: "${SLACK_WEBHOOK_URL}" }',
        '  - { name: hook, type: webhook, url: "https://h.example/$${LITERAL}", secret: "${HOOK_SECRET}" }',
        '  - { name: again, type: webhook, url: "${SLACK_WEBHOOK_URL}" }',
        '',
      ].join('\n'),
    );
    expect(configVariables(file)).toEqual(['SLACK_WEBHOOK_URL', 'HOOK_SECRET']);
    expect(configVariables(join(dir, 'missing.yaml'))).toEqual([]);
    rmSync(dir, { recursive: true });
  });
});
