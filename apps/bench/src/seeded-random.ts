/** The bench uses the project's one seeded generator (mulberry32): the same seed, the same data. */
export { SeededRandom } from '#testing';
