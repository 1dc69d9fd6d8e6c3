// Reports and campaigns: the triage lists, or one campaign or report when the route names it.
import { Tab, TabList } from '@fluentui/react-components';
import { strings } from '../../../strings.js';
import { useConsole } from '../../context.js';
import { route } from '../../routes.js';
import { CampaignDetail } from './CampaignDetail.js';
import { CampaignList } from './CampaignList.js';
import { ReportDetail } from './ReportDetail.js';
import { ReportList } from './ReportList.js';

export function ReportsPage() {
  const { route: current, navigate } = useConsole();
  const [kind, id] = current.segments;
  if (kind === 'campaign' && id) return <CampaignDetail key={id} id={id} />;
  if (kind === 'report' && id) return <ReportDetail key={id} id={id} />;
  const tab = current.query.tab === 'reports' ? 'reports' : 'campaigns';
  return (
    <>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, data) =>
          navigate(route('reports', [], data.value === 'reports' ? { tab: 'reports' } : {}))
        }
        aria-label={strings.console.reports.viewLabel}
      >
        <Tab value="campaigns">{strings.console.reports.campaignsTab}</Tab>
        <Tab value="reports">{strings.console.reports.reportsTab}</Tab>
      </TabList>
      {tab === 'reports' ? <ReportList /> : <CampaignList />}
    </>
  );
}
