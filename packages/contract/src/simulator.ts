/**
 * What the simulator tells (issue 11): an ordinary day, or a day with one incident growing on top
 * of it. Chosen with `npx liaowang up --scenario NAME` (SIMULATOR_SCENARIO).
 */
export const SIMULATOR_SCENARIOS = ['quiet-day', 'rumor-outbreak', 'impostor-account', 'policy-backlash'] as const;
export type SimulatorScenario = (typeof SIMULATOR_SCENARIOS)[number];
