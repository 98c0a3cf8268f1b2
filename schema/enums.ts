import {
  BudgetBand,
  CountryRegion,
  NetworkRole,
  OrganizationType,
  PartnershipKind,
  PartnershipStatus,
  SourceKind,
  StaffSizeBand,
  Visibility,
  WorkLevel
} from '../src/lib/server/db/generated/enums';
import { builder } from './builder';

/** The database enums, exposed as they are stored. */
export const OrganizationTypeEnum = builder.enumType(OrganizationType, {
  name: 'OrganizationType',
  description: 'Legal form or kind of organisation.'
});
export const WorkLevelEnum = builder.enumType(WorkLevel, { name: 'WorkLevel', description: 'Level of work.' });
export const StaffSizeBandEnum = builder.enumType(StaffSizeBand, {
  name: 'StaffSizeBand',
  description:
    'Paid staff (full-time equivalents): VOLUNTEERS_ONLY 0, MICRO 1–9, SMALL 10–49, MEDIUM 50–249, LARGE 250+.'
});
export const BudgetBandEnum = builder.enumType(BudgetBand, {
  name: 'BudgetBand',
  description: 'Annual budget in EUR.'
});
export const SourceKindEnum = builder.enumType(SourceKind, {
  name: 'SourceKind',
  description: 'How a record was last written: by an import file, by a person in the app, or through an API token.'
});

export const VisibilityEnum = builder.enumType(Visibility, {
  name: 'Visibility',
  description:
    'Who may see a partnership, membership, grant or contact field: PUBLIC anyone, MEMBERS signed-in users, ' +
    'PRIVATE only the organisations involved and admins.'
});
export const CountryRegionEnum = builder.enumType(CountryRegion, { name: 'CountryRegion' });
export const PartnershipKindEnum = builder.enumType(PartnershipKind, { name: 'PartnershipKind' });
export const PartnershipStatusEnum = builder.enumType(PartnershipStatus, {
  name: 'PartnershipStatus',
  description:
    'PROPOSED by orgA → CONFIRMED or DECLINED by orgB → ENDED by either side. A proposal can be WITHDRAWN by orgA ' +
    'or EXPIRE unanswered.'
});
export const NetworkRoleEnum = builder.enumType(NetworkRole, { name: 'NetworkRole' });

export const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

export const LanguageEnum = builder.enumType('Language', {
  description: 'Languages the vocabularies (themes, countries) are translated into.',
  values: ['EN', 'DE'] as const
});
