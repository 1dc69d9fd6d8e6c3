// The host's theme as a Fluent theme: Office gives its body colour, Teams a theme name, a browser
// its colour scheme; forced colours (Windows high contrast) win everywhere.
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { HostTheme } from '../host/mail-host.js';

export type ThemeName = 'light' | 'dark' | 'highContrast';

export function themeNameForHost(theme: HostTheme | null, prefersDark = false): ThemeName {
  if (theme?.isHighContrast) return 'highContrast';
  if (theme?.bodyBackgroundColor) return isDark(theme.bodyBackgroundColor) ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

export function officeTheme(name: ThemeName): Theme {
  return name === 'highContrast' ? teamsHighContrastTheme : name === 'dark' ? webDarkTheme : webLightTheme;
}

export function teamsTheme(name: string | undefined): Theme {
  return name === 'contrast' ? teamsHighContrastTheme : name === 'dark' ? teamsDarkTheme : teamsLightTheme;
}

/** Relative luminance below one half: a dark background (#rgb or #rrggbb). */
export function isDark(color: string): boolean {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function mediaMatches(query: string): boolean {
  return typeof matchMedia === 'function' && matchMedia(query).matches;
}
