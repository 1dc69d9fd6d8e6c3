// Every user-visible string of both manifests, in one place for review and localisation. Limits: XML
// short strings ≤ 125 characters, long strings ≤ 250; unified labels ≤ 64, short description ≤ 80.

export const STRINGS = {
  fullName: 'Clawback: report and retract email threats',
  shortDescription: 'Report suspicious email and pull bad messages back out of every mailbox.',
  fullDescription:
    'Clawback adds a Report menu to Outlook so anyone can report a message as phishing, junk or not junk ' +
    "in one click, and can replace Outlook's own Report button. Security admins see every mailbox a " +
    'reported message reached and retract it everywhere (move to Junk or Deleted Items, soft or hard ' +
    'delete) by hand or by policy, with undo, approvals and a verifiable audit log. The admin console ' +
    'runs as a Teams tab.',
  consoleTab: 'Console',
  group: 'Clawback',
  reportMenu: {
    label: 'Report',
    title: 'Report this message',
    description: 'Tell your security team this message is phishing, junk, or wrongly marked as junk.',
  },
  reportItems: {
    phishing: {
      label: 'Phishing',
      title: 'Report as phishing',
      description: 'It tries to steal passwords, money or data, or pretends to be someone it is not.',
    },
    junk: {
      label: 'Junk',
      title: 'Report as junk',
      description: 'Unwanted advertising or bulk mail that is not dangerous.',
    },
    notJunk: {
      label: 'Not junk',
      title: 'Report as not junk',
      description: 'This message is legitimate and should not have been filtered.',
    },
  },
  openPane: {
    label: 'Clawback',
    title: 'Open Clawback',
    description:
      'Your reports and their outcome. Security admins also see where this message landed and can retract it.',
  },
  spam: {
    button: 'Report',
    buttonTitle: 'Report this message',
    buttonDescription: 'Report this message to your security team with Clawback.',
    dialogTitle: 'Report this message to your security team',
    dialogDescription:
      'Clawback sends a copy of this message to your security team. They may remove it from every mailbox it reached.',
    optionsTitle: 'Why are you reporting it?',
    /** At most five (Outlook's limit). The handler receives the chosen ones. */
    options: [
      'It asks for a password, payment or personal details',
      'It has a suspicious link or attachment',
      'It pretends to be a colleague or a company I know',
      'It is unwanted advertising or bulk mail',
      'Something else (please describe below)',
    ],
    freeText: 'Anything else your security team should know? (optional)',
    moreInfo: 'How Clawback handles reports',
  },
} as const;
