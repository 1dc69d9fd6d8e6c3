// Entra's built-in directory roles the demo tenant activates.
import { ROLE_DISPLAY_NAMES, ROLE_TEMPLATE_IDS } from '@clawback/shared';

export const ROLE_TEMPLATES = {
  ...ROLE_TEMPLATE_IDS,
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
} as const;

export const ROLE_NAMES: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(ROLE_TEMPLATE_IDS).map(([name, id]) => [
      id,
      ROLE_DISPLAY_NAMES[name as keyof typeof ROLE_TEMPLATE_IDS],
    ]),
  ),
  [ROLE_TEMPLATES.exchangeAdministrator]: 'Exchange Administrator',
};
