/**
 * Skill profiles from a published taxonomy (an embedded ESCO subset): which skills and knowledge each occupation
 * needs, the set a worker, a job or a course has, and the distance between them. Data only: how a distance changes a
 * hire is the simulation's ({@code SkillMatch}, {@code HiringSignal}).
 */
package nl.fieldlab.sandbox.skills;
