/**
 * The GraphQL documents of the one-argument partnership decisions (confirm, decline, withdraw), as a client sends
 * them: the typename and whatever error or new status comes back.
 */
export const decidePartnership = (name: 'confirmPartnership' | 'declinePartnership' | 'withdrawPartnership') => `
  mutation($id: ID!) {
    ${name}(id: $id) {
      __typename
      ... on MutationError { message }
      ... on ValidationError { fieldErrors { field message } }
      ... on ${name[0]!.toUpperCase()}${name.slice(1)}Success { partnership { status } }
    }
  }`;
