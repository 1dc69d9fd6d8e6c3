// Statuses as coloured badges, always with their words (colour alone says nothing to some people).
import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Disposition, RetractionStatus } from '@clawback/shared';
import { strings } from '../../strings.js';

type Color = NonNullable<BadgeProps['color']>;

const retractionColors: Record<RetractionStatus, Color> = {
  planning: 'informative',
  awaitingApproval: 'warning',
  running: 'brand',
  completed: 'success',
  completedWithErrors: 'warning',
  failed: 'danger',
  cancelled: 'subtle',
};

export function RetractionStatusBadge({ status, dryRun }: { status: RetractionStatus; dryRun?: boolean }) {
  return (
    <Badge appearance="tint" color={retractionColors[status]}>
      {dryRun ? strings.console.retractions.planOnly : strings.statusNames[status]}
    </Badge>
  );
}

const dispositionColors: Record<Disposition, Color> = {
  MALICIOUS: 'danger',
  SUSPICIOUS: 'warning',
  SPOOF: 'severe',
  SPAM: 'informative',
  BULK: 'subtle',
  CLEAN: 'success',
};

export function DispositionBadge({ disposition }: { disposition: Disposition | null }) {
  if (!disposition)
    return (
      <Badge appearance="outline" color="informative">
        {strings.console.reports.noVerdict}
      </Badge>
    );
  return (
    <Badge appearance="tint" color={dispositionColors[disposition]}>
      {strings.dispositionNames[disposition]}
    </Badge>
  );
}

export function StateBadge({ ok, children }: { ok: boolean | null; children: string }) {
  return (
    <Badge appearance="tint" color={ok === null ? 'informative' : ok ? 'success' : 'warning'}>
      {children}
    </Badge>
  );
}
