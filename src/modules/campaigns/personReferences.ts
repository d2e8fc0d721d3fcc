import type { PersonReference } from '../duplicates/personReferences.ts';

/** How a merge of people moves their places on campaign teams, power maps, action evaluations and structure-test counts (one place per campaign, actor, action or test is kept). */
export const campaignPersonReferences: PersonReference[] = [
  { table: 'campaign_team', column: 'person_id', uniqueWith: ['campaign_id'] },
  { table: 'power_map_actors', column: 'person_id' },
  { table: 'power_map_contacts', column: 'person_id', uniqueWith: ['actor_id'] },
  { table: 'campaign_action_leaders', column: 'person_id', uniqueWith: ['action_id'] },
  { table: 'structure_test_tallies', column: 'person_id', uniqueWith: ['test_id'] },
];
