/// <reference types="vite/client" />
// Where /api/v1 is. Pages are served by the API itself, so their own origin; Outlook's
// JavaScript-only runtime (classic Windows, spam reporting) has no page, so builds for it name the
// API's absolute URL.
import type { BuildEnv } from '../build-env.js';

export function apiBaseUrl(): string {
  const configured = (import.meta.env.VITE_CLAWBACK_API_BASE as BuildEnv['VITE_CLAWBACK_API_BASE'])?.trim();
  if (configured) return configured.replace(/\/$/, '');
  const origin = typeof location === 'undefined' ? '' : location.origin;
  if (origin && origin !== 'null') return `${origin}/api/v1`;
  throw new Error('no API address: build with VITE_CLAWBACK_API_BASE');
}
