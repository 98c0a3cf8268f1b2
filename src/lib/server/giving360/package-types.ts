/** The parts of a 360Giving package the Atlas reads and writes (field names as in the standard). */
export interface GivingOrganization {
  id: string;
  name: string;
  addressCountry?: string;
  charityNumber?: string;
  companyNumber?: string;
  url?: string;
}

export interface GivingGrant {
  id: string;
  title: string;
  description?: string;
  currency: string;
  amountAwarded: number;
  awardDate: string;
  plannedDates?: { startDate?: string; endDate?: string; duration?: number }[];
  recipientOrganization: GivingOrganization[];
  fundingOrganization: GivingOrganization[];
  grantProgramme?: { code?: string; title?: string }[];
  beneficiaryLocation?: { name?: string; countryCode?: string }[];
  classifications?: { vocabulary?: string; code?: string; title?: string }[];
  dataSource?: string;
  dateModified?: string;
}

export interface GivingPackage {
  license?: string;
  grants: GivingGrant[];
}
