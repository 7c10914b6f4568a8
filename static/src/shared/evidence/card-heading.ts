/**
 * Marks each evidence card's heading (its summary) with the card's insight id: focus
 * goes there when the card before it leaves the list, or when the card was just added.
 */
export const CARD_HEADING_ATTRIBUTE = 'data-card-heading';
