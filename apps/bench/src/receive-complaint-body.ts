import { EMPLOYER_COUNT, employerPool, intake } from './hotline-people.js';
import { SeededRandom } from './seeded-random.js';

/** The employers of the seeded history (the same seed), so new calls can repeat earlier ones. */
const employers = employerPool(new SeededRandom(7), EMPLOYER_COUNT);

/** The JSON body of `POST /api/complaints` (docs/api.md) for a new call, as the console sends it. */
export function receiveComplaintBody(random: SeededRandom): Record<string, unknown> {
  const call = intake(random, random.pick(employers));
  return {
    channel: call.channel,
    caller: call.caller,
    workersAffected: call.workersAffected,
    employer: call.employer,
    category: call.classification!.category,
    subcategory: call.classification!.subcategory,
    type: call.classification!.type,
    urgency: call.urgency,
    safetyRisk: call.safetyRisk,
    summary: call.summary,
  };
}
