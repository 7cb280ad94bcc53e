// VS Code-like theme variables (Dark Modern, Light Modern, High Contrast) for running the
// preview page outside VS Code, as a webview would receive them.
export type ThemeName = 'dark' | 'light' | 'hc';

interface Theme {
  scheme: 'dark' | 'light';
  bodyClass: string;
  css: string;
}

function vars(map: Record<string, string>): string {
  return `html { ${Object.entries(map).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ')} }\n`;
}

const FONT = {
  'font-family': 'system-ui, "Segoe UI", Ubuntu, "Droid Sans", sans-serif',
  'font-size': '13px',
};

export const THEMES: Record<ThemeName, Theme> = {
  dark: {
    scheme: 'dark',
    bodyClass: 'vscode-dark',
    css: vars({
      ...FONT,
      foreground: '#cccccc', 'editor-foreground': '#cccccc', 'editor-background': '#1f1f1f', descriptionForeground: '#9d9d9d',
      focusBorder: '#0078d4', 'panel-border': '#2b2b2b', 'editorWidget-background': '#202020', 'editorWidget-border': '#313131',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c', 'button-border': '#ffffff12',
      'list-hoverBackground': '#2a2d2e', 'editorIndentGuide-background1': '#404040',
      'charts-red': '#f14c4c', 'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7',
      'editorError-foreground': '#f14c4c', 'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff',
    }),
  },
  light: {
    scheme: 'light',
    bodyClass: 'vscode-light',
    css: vars({
      ...FONT,
      foreground: '#3b3b3b', 'editor-foreground': '#3b3b3b', 'editor-background': '#ffffff', descriptionForeground: '#3b3b3b',
      focusBorder: '#005fb8', 'panel-border': '#e5e5e5', 'editorWidget-background': '#f8f8f8', 'editorWidget-border': '#e5e5e5',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc', 'button-border': '#0000001a',
      'list-hoverBackground': '#f2f2f2', 'editorIndentGuide-background1': '#d3d3d3',
      'charts-red': '#e51400', 'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-blue': '#1a85ff', 'charts-purple': '#652d90',
      'editorError-foreground': '#e51400', 'editorWarning-foreground': '#bf8803', 'editorInfo-foreground': '#1a85ff',
    }),
  },
  hc: {
    scheme: 'dark',
    bodyClass: 'vscode-high-contrast',
    css: vars({
      ...FONT,
      foreground: '#ffffff', 'editor-foreground': '#ffffff', 'editor-background': '#000000', descriptionForeground: '#ffffff',
      focusBorder: '#f38518', contrastBorder: '#6fc3df', contrastActiveBorder: '#f38518', 'panel-border': '#6fc3df',
      'editorWidget-background': '#0c141f', 'editorWidget-border': '#6fc3df',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df',
      'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
      'editorIndentGuide-background1': '#ffffff',
      'charts-red': '#f14c4c', 'charts-yellow': '#ffff00', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7',
      'editorError-foreground': '#f48771', 'editorWarning-foreground': '#ffd370', 'editorInfo-foreground': '#3794ff',
    }),
  },
};
