import { createRequire } from 'node:module';

/**
 * The design-token CSS Jira puts into an app's frame when the app enables theming:
 * the colour theme the user chose plus spacing, typography and shape. Read from
 * @atlaskit/tokens' own theme artifacts, so the sandbox shows exactly Atlassian's values.
 */
const load = createRequire(__filename);
const THEMES = ['spacing', 'typography', 'shape'] as const;

function themeCss(name: string): string {
  const module = load(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${name}.js`) as {
    default?: unknown;
  };
  return typeof module.default === 'string' ? module.default : '';
}

export function tokensCss(colorMode: 'light' | 'dark'): string {
  return [themeCss(colorMode), ...THEMES.map(themeCss)].join('\n');
}
