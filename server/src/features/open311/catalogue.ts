/**
 * The services an area offers over Open311: one per quest category. A quest's category is
 * the first superpower it trains, so every quest has exactly one service and the list is the
 * same four for every area. A report may say what "fixed" looks like (an attribute).
 */
import {
  SUPERPOWER_INFO,
  SUPERPOWERS,
  type Open311ServiceDefinition,
  type Superpower,
} from '@govcraft/shared';

export const isServiceCode = (code: string): code is Superpower =>
  (SUPERPOWERS as readonly string[]).includes(code);

export const serviceName = (code: string) =>
  isServiceCode(code) ? SUPERPOWER_INFO[code].label : code;

export function serviceList(jurisdictionId: string) {
  return SUPERPOWERS.map((code) => ({
    jurisdiction_id: jurisdictionId,
    service_code: code,
    service_name: SUPERPOWER_INFO[code].label,
    description: `Local problems that become quests training ${SUPERPOWER_INFO[code].label.toLowerCase()}: ${SUPERPOWER_INFO[code].voice}`,
    metadata: true,
    type: 'batch' as const,
    keywords: [code.replace('_', ' '), 'quest', 'report'].join(','),
    group: 'Quests',
  }));
}

/** The attribute a report may carry; its answer becomes the quest's desired outcome. */
export const DESIRED_OUTCOME = 'desired_outcome';

export function serviceDefinition(code: Superpower): Open311ServiceDefinition {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: DESIRED_OUTCOME,
        datatype: 'text',
        required: false,
        datatype_description: 'What it looks like when the problem is fixed',
        order: 1,
        description: 'What would "fixed" look like?',
        values: [],
      },
    ],
  };
}
