import { z } from 'zod';
import { AppError, ValidationError } from '../errors';
import { InsightInputSchema, validateObservedAt, type InsightInput } from '../insight';
import { parseWith } from '../parse';
import { GenericFieldPathsSchema, mapGeneric, type GenericFieldPaths } from './generic';
import { IntercomItemSchema, mapIntercom } from './intercom';
import { JsmItemSchema, mapJsm } from './jsm';
import type { MappedItem } from './mapped-item';
import { mapZendesk, ZendeskItemSchema } from './zendesk';

export const INTAKE_PRESETS = ['zendesk', 'intercom', 'jsm', 'generic'] as const;
export const IntakePresetSchema = z.enum(INTAKE_PRESETS);
export type IntakePreset = z.output<typeof IntakePresetSchema>;

/** How a source reads its deliveries: a preset, and the field paths of a generic source. */
export const IntakeMappingSchema = z.discriminatedUnion('preset', [
  z.strictObject({ preset: z.literal('zendesk') }),
  z.strictObject({ preset: z.literal('intercom') }),
  z.strictObject({ preset: z.literal('jsm') }),
  z.strictObject({ preset: z.literal('generic'), fieldPaths: GenericFieldPathsSchema })
]);
export type IntakeMapping = z.output<typeof IntakeMappingSchema>;

/** Items per request: a webhook sends one, a backfill at most this many at a time. */
export const MAX_ITEMS_PER_DELIVERY = 100;

/** What a delivery's body holds: its items, or why the body as a whole is refused. */
export type DeliveryItems =
  { ok: true; items: unknown[] } | { ok: false; reason: 'not-json' | 'too-many-items' | 'no-items' };

/**
 * The items of a body: a JSON array, `{"items": [...]}`, or one item on its own (what a
 * webhook sends). A body that is no JSON, or holds more items than a delivery may, is
 * refused whole; anything else is judged item by item.
 */
export function itemsOf(rawBody: string): DeliveryItems {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const items = Array.isArray(parsed)
    ? parsed
    : parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { items?: unknown }).items)
      ? (parsed as { items: unknown[] }).items
      : [parsed];
  if (items.length === 0) return { ok: false, reason: 'no-items' };
  if (items.length > MAX_ITEMS_PER_DELIVERY) return { ok: false, reason: 'too-many-items' };
  return { ok: true, items };
}

/** One item read through its source's mapping: a capture input, or why it was refused. */
export type ReadItem =
  | {
      ok: true;
      externalId: string;
      input: InsightInput;
      undated: boolean;
      request?: NonNullable<MappedItem['request']>;
    }
  | { ok: false; externalId?: string; reason: string };

/**
 * Reads one item with its source's mapping and checks it as a capture is checked
 * (InsightInputSchema, and no observation date in the future). A refusal names the
 * fields at fault in plain words; it never throws for bad input.
 */
export function readItem(mapping: IntakeMapping, item: unknown, receivedAt: Date): ReadItem {
  let externalId: string | undefined;
  try {
    const mapped = mapWith(mapping, item, receivedAt);
    externalId = mapped.externalId;
    const input = parseWith(InsightInputSchema, mapped.insight, 'item');
    validateObservedAt(input.observedAt, receivedAt);
    return {
      ok: true,
      externalId,
      input,
      undated: mapped.undated === true,
      ...(mapped.request ? { request: mapped.request } : {})
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, ...(externalId !== undefined ? { externalId } : {}), reason: error.message };
  }
}

function mapWith(mapping: IntakeMapping, item: unknown, receivedAt: Date) {
  switch (mapping.preset) {
    case 'zendesk':
      return mapZendesk(parseWith(ZendeskItemSchema, item, 'Zendesk ticket'));
    case 'intercom':
      return mapIntercom(parseWith(IntercomItemSchema, item, 'Intercom conversation'));
    case 'jsm':
      return mapJsm(parseWith(JsmItemSchema, item, 'Jira Service Management request'));
    case 'generic':
      return mapGenericChecked(item, mapping.fieldPaths, receivedAt);
  }
}

function mapGenericChecked(item: unknown, paths: GenericFieldPaths, receivedAt: Date) {
  try {
    return mapGeneric(item, paths, receivedAt);
  } catch (error) {
    if (error instanceof z.ZodError) {
      throw new ValidationError(`Invalid item: no external id at ${paths.externalId}`);
    }
    throw error;
  }
}
