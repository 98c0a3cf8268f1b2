/**
 * Partnership URLs carry the database id (/organizations/<slug>/partnerships/<id>); the API speaks Relay global
 * ids (base64 of "Partnership:<id>", which may contain "/" and "="). These convert between the two.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';

export const partnershipGlobalId = (id: string): string => encodeGlobalID('Partnership', id);

/** The database id of a Partnership global id; null for anything else. */
export function partnershipUrlId(globalId: string): string | null {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    return typename === 'Partnership' ? id : null;
  } catch {
    return null;
  }
}
