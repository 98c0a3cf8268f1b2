import { graphql } from '../generated';

/*
 * Documents of the editing pages: /organizations/new, /organizations/<slug>/edit and the partnership pages.
 * Every mutation asks for the members all *Result unions share, so one helper
 * (src/lib/components/forms/mutation-outcome.ts) can read any of them.
 */

/**
 * What every mutation answers when it changed nothing: the message, the fields a ValidationError names and the
 * argument a NotFoundError names (src/lib/components/forms/mutation-outcome.ts turns them into field errors).
 */
export const MutationProblemsFragment = graphql(`
  fragment MutationProblems on MutationError {
    message
    ... on ValidationError {
      fieldErrors {
        field
        message
      }
    }
    ... on NotFoundError {
      field
    }
  }
`);

/** What the organisation form offers: the theme tree and the European countries, named in the page's language. */
export const OrganizationFormChoicesQuery = graphql(`
  query OrganizationFormChoices($lang: Language!) {
    ...ThemeAndCountryChoices
    themes {
      children {
        children {
          slug
          name(lang: $lang)
        }
      }
    }
  }
`);

/** The profile as its editors see it (contact details included: editors may see them whatever their visibility). */
export const OrganizationForEditQuery = graphql(`
  query OrganizationForEdit($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
      type
      description
      website
      foundedYear
      hqCity
      hqCountry {
        code
      }
      countries {
        code
      }
      levels
      themes {
        slug
      }
      languages
      contactEmail
      contactEmailVisibility
      contactPhone
      contactPhoneVisibility
      archived
      viewerCanEdit
    }
  }
`);

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on CreateOrganizationSuccess {
        organization {
          slug
        }
      }
      ...MutationProblems
    }
  }
`);

export const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      __typename
      ... on UpdateOrganizationSuccess {
        organization {
          slug
        }
      }
      ...MutationProblems
    }
  }
`);

/** An organisation by slug: its id, and whether the viewer acts for it (edit, propose, confirm …). */
export const OrganizationIdentityQuery = graphql(`
  query OrganizationIdentity($slug: String!) {
    organization(slug: $slug) {
      id
      slug
      name
      viewerCanEdit
    }
  }
`);

/** Candidates for the other side of a proposal, found by name (the directory's search). */
export const PartnerCandidatesQuery = graphql(`
  query PartnerCandidates($query: String!) {
    organizations(filter: { query: $query }, first: 10) {
      nodes {
        id
        slug
        name
        hqCity
        hqCountry {
          code
        }
      }
    }
  }
`);

/** One organisation's partnerships of the given statuses, newest first (proposed ones only its sides can see). */
export const OrganizationPartnershipsQuery = graphql(`
  query OrganizationPartnerships($slug: String!, $status: [PartnershipStatus!]) {
    organization(slug: $slug) {
      id
      slug
      name
      viewerCanEdit
      partnerships(first: 100, status: $status) {
        totalCount
        nodes {
          id
          kind
          status
          visibility
          title
          startDate
          endDate
          createdAt
          orgA {
            id
            slug
            name
          }
          orgB {
            id
            slug
            name
          }
        }
      }
    }
  }
`);

export const PartnershipDetailQuery = graphql(`
  query PartnershipDetail($id: ID!, $lang: Language!) {
    partnership(id: $id) {
      id
      kind
      status
      visibility
      viewerCan {
        confirm
        decline
        withdraw
        end
        changeVisibility
      }
      title
      description
      message
      expiresAt
      invitedSideReachable
      startDate
      endDate
      createdAt
      confirmedAt
      themes {
        slug
        name(lang: $lang)
      }
      orgA {
        id
        slug
        name
        viewerCanEdit
      }
      orgB {
        id
        slug
        name
        viewerCanEdit
        contactEmail
      }
    }
  }
`);

export const ProposePartnershipMutation = graphql(`
  mutation ProposePartnership($input: ProposePartnershipInput!) {
    proposePartnership(input: $input) {
      __typename
      ... on ProposePartnershipSuccess {
        partnership {
          id
        }
      }
      ...MutationProblems
    }
  }
`);

export const ConfirmPartnershipMutation = graphql(`
  mutation ConfirmPartnership($id: ID!) {
    confirmPartnership(id: $id) {
      __typename
      ...MutationProblems
    }
  }
`);

export const DeclinePartnershipMutation = graphql(`
  mutation DeclinePartnership($id: ID!) {
    declinePartnership(id: $id) {
      __typename
      ...MutationProblems
    }
  }
`);

export const WithdrawPartnershipMutation = graphql(`
  mutation WithdrawPartnership($id: ID!) {
    withdrawPartnership(id: $id) {
      __typename
      ...MutationProblems
    }
  }
`);

export const EndPartnershipMutation = graphql(`
  mutation EndPartnership($input: EndPartnershipInput!) {
    endPartnership(input: $input) {
      __typename
      ...MutationProblems
    }
  }
`);

/** A well-connected organisation the API guide's examples can use, so that they return data when run. */
export const ApiGuideExampleOrganizationQuery = graphql(`
  query ApiGuideExampleOrganization {
    organizations(first: 1, orderBy: { field: PARTNER_COUNT, direction: DESC }) {
      nodes {
        id
        slug
        name
      }
    }
  }
`);

export const SetPartnershipVisibilityMutation = graphql(`
  mutation SetPartnershipVisibility($input: SetPartnershipVisibilityInput!) {
    setPartnershipVisibility(input: $input) {
      __typename
      ...MutationProblems
    }
  }
`);

/** The organisations the viewer acts for (approved memberships): the possible proposing sides. */
export const MyOrganizationsQuery = graphql(`
  query MyOrganizations {
    me {
      memberships {
        status
        organization {
          id
          slug
          name
        }
      }
    }
  }
`);

export const SendClaimInvitationMutation = graphql(`
  mutation SendClaimInvitation($partnershipId: ID!) {
    sendClaimInvitation(partnershipId: $partnershipId) {
      __typename
      ... on SendClaimInvitationSuccess {
        invitation {
          sentTo
        }
      }
      ...MutationProblems
    }
  }
`);
