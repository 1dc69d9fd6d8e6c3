// The add-in's two builds, made into a directory of the benchmark's own (addin/dist may be served
// by a running stack meanwhile), and what each page weighs against the budgets (gzip:
// task pane 300 KB, commands 60 KB; the admin console has none).
import { join } from 'node:path';
import { buildAddin, pageWeights, type AddinBuildMode, type PageWeight } from '../helpers/addin-build.js';

const KB = 1024;
/** Budgets on what a page loads in all (initial files and the chunks they load on demand). */
export const BUDGETS_KB: Record<string, number> = { 'taskpane.html': 300, 'commands.html': 60 };

export interface PageReport {
  page: string;
  initialGzipKB: number;
  totalGzipKB: number;
  initialGzipBytes: number;
  totalGzipBytes: number;
  /** Chunks loaded on demand (MSAL, TeamsJS, the sandbox sign-in). */
  lazy: string[];
  budgetKB: number | null;
  withinBudget: boolean | null;
}

export interface BuildReport {
  mode: AddinBuildMode;
  buildSeconds: number;
  pages: PageReport[];
}

/** Builds `mode` into `root/<mode>` and weighs its pages; answers the report and the directory. */
export async function buildAndWeigh(
  mode: AddinBuildMode,
  root: string,
): Promise<{ report: BuildReport; dist: string }> {
  const started = performance.now();
  const dist = await buildAddin(mode, join(root, mode));
  const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
  return { report: { mode, buildSeconds, pages: pageWeights(dist).map(toReport) }, dist };
}

function toReport(weight: PageWeight): PageReport {
  const budgetKB = BUDGETS_KB[weight.page] ?? null;
  const totalGzipKB = kb(weight.totalGzip);
  return {
    page: weight.page,
    initialGzipKB: kb(weight.initialGzip),
    totalGzipKB,
    initialGzipBytes: weight.initialGzip,
    totalGzipBytes: weight.totalGzip,
    lazy: weight.lazy,
    budgetKB,
    withinBudget: budgetKB === null ? null : weight.totalGzip <= budgetKB * KB,
  };
}

const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;
