import { route } from '@forge/api';
import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import { jiraAsUser } from './jira-fetch';

/**
 * A Jira Service Management request as the acting user may read it
 * (`GET /rest/servicedeskapi/request/{issueIdOrKey}`, "Permissions required: permission
 * to access the customer request"): JSM answers 404 to anyone else, so a user who cannot
 * see the request learns nothing of it. Only the fields the app reads are parsed.
 */
export interface ServiceRequest {
  issueId: string;
  issueKey: string;
  summary: string;
  /** The request's description as the customer wrote it ('' when none). */
  description: string;
  /** The priority's name when the request type's form shows one (`requestFieldValues`). */
  priority?: string;
  reporterAccountId?: string;
  /** When the customer raised it (ISO 8601). */
  createdAt?: string;
  /** The customer portal's page of the request, else the agent view's. */
  url?: string;
}

const FieldValueSchema = z.object({ fieldId: z.string(), value: z.unknown().optional() });

const RequestSchema = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  summary: z.string().optional(),
  createdDate: z.object({ iso8601: z.string().optional(), epochMillis: z.number().optional() }).optional(),
  reporter: z.object({ accountId: z.string().optional() }).optional(),
  requestFieldValues: z.array(FieldValueSchema).optional(),
  _links: z.object({ web: z.string().optional(), agent: z.string().optional() }).optional()
});

const PriorityValueSchema = z.object({ name: z.string().min(1) });

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export async function readServiceRequest(issueId: string): Promise<ServiceRequest> {
  const answer = await jiraAsUser(RequestSchema, route`/rest/servicedeskapi/request/${issueId}`);
  const field = (id: string) => answer.requestFieldValues?.find((f) => f.fieldId === id)?.value;
  const priority = PriorityValueSchema.safeParse(field('priority'));
  const request: ServiceRequest = {
    issueId: answer.issueId,
    issueKey: answer.issueKey,
    summary: answer.summary ?? textOf(field('summary')),
    description: textOf(field('description'))
  };
  if (priority.success) request.priority = priority.data.name;
  if (answer.reporter?.accountId) request.reporterAccountId = answer.reporter.accountId;
  const millis = answer.createdDate?.epochMillis;
  if (millis !== undefined) request.createdAt = new Date(millis).toISOString();
  const url = answer._links?.web ?? answer._links?.agent;
  if (url) request.url = url;
  return request;
}

const OrganizationPageSchema = z.object({ values: z.array(z.object({ id: z.string(), name: z.string() })) });

/**
 * The JSM organizations (customers' companies) a customer belongs to, as the acting user
 * may look them up (`GET /rest/servicedeskapi/organization?accountId=`: agents only;
 * anyone else has none to show). The first 50 suffice: a customer is in a few.
 */
export async function organizationsOf(accountId: string): Promise<string[]> {
  try {
    const page = await jiraAsUser(
      OrganizationPageSchema,
      route`/rest/servicedeskapi/organization?accountId=${accountId}&limit=50`
    );
    return page.values.map((org) => org.name);
  } catch (error) {
    if (error instanceof ForbiddenError) return [];
    throw error;
  }
}
