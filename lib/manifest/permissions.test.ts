import { describe, expect, it } from 'vitest';
import { manifestGrants, readmeGrants } from './permissions';

const README = `# X

## Permissions, and why

| permission                          | why   |
| ----------------------------------- | ----- |
| content script on \`https://*/*\`     | paint |
| \`storage\`                           | keep  |
| \`offscreen\` (Chrome only)           | host  |
| host \`https://api.example.org/*\`    | sync  |

## Next
| \`tabs\` | not part of the table |
`;

describe('readmeGrants', () => {
  it('reads each row of the permissions section, for one browser', () => {
    expect(readmeGrants(README, 'chrome')).toEqual([
      'content-script:https://*/*',
      'host:https://api.example.org/*',
      'permission:offscreen',
      'permission:storage',
    ]);
    expect(readmeGrants(README, 'firefox')).not.toContain('permission:offscreen');
  });

  it('fails loudly when the section is gone', () => {
    expect(() => readmeGrants('# X\n', 'chrome')).toThrow(/Permissions, and why/);
  });
});

describe('manifestGrants', () => {
  it('lists permissions, MV2 host patterns, host permissions and content-script matches', () => {
    expect(
      manifestGrants({
        permissions: ['storage', 'https://a.org/*'],
        host_permissions: ['https://b.org/*'],
        content_scripts: [{ matches: ['https://*/*'] }, { matches: ['https://*/*'] }],
      }),
    ).toEqual(['content-script:https://*/*', 'host:https://a.org/*', 'host:https://b.org/*', 'permission:storage']);
  });
});
