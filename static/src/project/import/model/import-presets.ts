import type { EnumImportField, ValueChoice } from '../../../../../src/domain/import-value-mappings';
import type { SavedImportMappings } from '../../../../../src/domain/import-value-mappings';

export type PresetId = NonNullable<SavedImportMappings['preset']>;

/**
 * What a support tool's export calls things. A preset only maps values it knows; the
 * rest of a file's values stay unmapped and are shown for the person to decide.
 */
export interface ImportPreset {
  id: PresetId;
  name: string;
  /** Normalised headers (see normaliseHeader) that only this tool's exports tend to have. */
  telltales: readonly string[];
  values: Partial<Record<EnumImportField, Readonly<Record<string, ValueChoice>>>>;
}

/** Channels through which a customer writes to support: each is a support ticket here. */
const SUPPORT_CHANNELS = [
  'email',
  'mail',
  'web',
  'web form',
  'web widget',
  'chat',
  'live chat',
  'messenger',
  'conversation',
  'in-app',
  'voice',
  'phone',
  'call',
  'phone call (incoming)',
  'phone call (outgoing)',
  'voicemail',
  'sms',
  'text',
  'whatsapp',
  'api',
  'mobile',
  'mobile sdk',
  'help center',
  'portal',
  'customer portal',
  'jira',
  'widget',
  'contact form'
] as const;
const SOCIAL_CHANNELS = ['twitter', 'x', 'facebook', 'instagram', 'linkedin', 'social'] as const;

const channels: Readonly<Record<string, ValueChoice>> = {
  ...Object.fromEntries(SUPPORT_CHANNELS.map((c) => [c, 'ticket'])),
  ...Object.fromEntries(SOCIAL_CHANNELS.map((c) => [c, 'social']))
};

/** Common plan names of SaaS billing, by the customer segment they usually mean. */
const plans: Readonly<Record<string, ValueChoice>> = {
  enterprise: 'enterprise',
  'enterprise plan': 'enterprise',
  premium: 'enterprise',
  business: 'mid_market',
  professional: 'mid_market',
  pro: 'mid_market',
  growth: 'mid_market',
  team: 'smb',
  teams: 'smb',
  standard: 'smb',
  starter: 'smb',
  basic: 'smb',
  essential: 'smb',
  free: 'self_serve',
  trial: 'self_serve',
  personal: 'self_serve'
};

export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    id: 'zendesk',
    name: 'Zendesk',
    telltales: ['via', 'requester', 'requesterid', 'assignee', 'organization', 'ticketform', 'satisfaction'],
    values: {
      severity: { low: 'low', normal: 'medium', high: 'high', urgent: 'critical' },
      sourceKind: { ...channels, closed_ticket: 'ticket', 'closed ticket': 'ticket' },
      accountSegment: plans
    }
  },
  {
    id: 'intercom',
    name: 'Intercom',
    telltales: [
      'conversationid',
      'companyname',
      'companyplan',
      'teamassigned',
      'conversationrating',
      'userid'
    ],
    values: {
      severity: {
        priority: 'high',
        'not priority': 'medium',
        prioritized: 'high',
        'not prioritized': 'medium'
      },
      sourceKind: { ...channels, 'push notification': 'ticket', survey: 'survey', nps: 'nps' },
      accountSegment: plans
    }
  },
  {
    id: 'jsm',
    name: 'Jira Service Management',
    telltales: ['issuekey', 'requesttype', 'customerrequesttype', 'reporter', 'issuetype', 'requestchannel'],
    values: {
      severity: { lowest: 'low', low: 'low', medium: 'medium', high: 'high', highest: 'critical' },
      sourceKind: {
        ...channels,
        anonymousportal: 'ticket',
        'anonymous portal': 'ticket',
        deployment: 'other',
        // The request types of JSM's IT and customer service templates.
        'get it help': 'ticket',
        'technical support': 'ticket',
        'report a bug': 'ticket',
        'report a system problem': 'ticket',
        'suggest a new feature': 'ticket',
        'suggest improvement': 'ticket',
        'fix an account problem': 'ticket',
        'general question': 'ticket'
      },
      accountSegment: plans
    }
  }
];

export function presetById(id: PresetId): ImportPreset {
  const preset = IMPORT_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown import preset ${id}`);
  return preset;
}
