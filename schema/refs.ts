import type {
  Country,
  Grant,
  Network,
  NetworkMembership,
  Organization,
  Partnership,
  Theme
} from '../src/lib/server/db/generated/client';
import { builder } from './builder';

/**
 * References to the object types, declared before any type file runs so that files can point at each other
 * (Organization ↔ Partnership ↔ Network …) without circular imports. Each type's fields live in its own file.
 */
export const OrganizationRef = builder.objectRef<Organization>('Organization');
export const ThemeRef = builder.objectRef<Theme>('Theme');
export const CountryRef = builder.objectRef<Country>('Country');
export const PartnershipRef = builder.objectRef<Partnership>('Partnership');
export const NetworkRef = builder.objectRef<Network>('Network');
export const NetworkMembershipRef = builder.objectRef<NetworkMembership>('NetworkMembership');
export const GrantRef = builder.objectRef<Grant>('Grant');
