package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Each behavioural mechanism with a case where it acts and a near miss where it does not, at the documented
 * defaults (the way a Timefold constraint has its test).
 */
class MechanismsTest {

    static final Behaviour B = Behaviour.defaults();
    static final double EPS = 1e-9;

    @Test
    void everyBehaviourValueSizesADocumentedMechanismAndEveryMechanismHasValues() {
        Set<String> mechanisms = Behaviour.mechanisms().keySet();
        Behaviour.documented().forEach((key, d) -> assertTrue(mechanisms.contains(d.mechanism()),
                key + " names mechanism '" + d.mechanism() + "', which mechanisms.yaml does not describe"));
        Behaviour.mechanisms().values().forEach(m -> {
            assertFalse(m.parameters().isEmpty() && m.rulesParameters().isEmpty() && m.scenarioFields().isEmpty(),
                    m.id() + " has no values");
            m.scenarioFields().forEach(f -> assertTrue(f.startsWith("workers[].") && java.util.Arrays.stream(
                    nl.fieldlab.sandbox.scenario.WorkerGroup.class.getRecordComponents()).anyMatch(c -> c.getName()
                            .equals(f.substring("workers[].".length()))), m.id() + " names scenario field " + f
                            + ", which a worker group does not have"));
            m.rulesParameters().forEach(k -> assertTrue(TestRuns.library().knowsParameter(k),
                    m.id() + " names rules parameter " + k + ", which the rules folder does not have"));
            assertFalse(m.says().isBlank() || m.source().isBlank() || m.decision().isBlank(), m.id());
        });
        Set<String> classes = new TreeSet<>(Set.of(JobSearch.ID, AgeGradient.ID, Hiring.ID, HiringResponse.ID,
                LearningWhileEmployed.ID, MatchQuality.ID, TrialScreening.ID,
                Apprenticeship.ID, BblContract.ID, CourseUptake.ID, CourseCompletion.ID, JobLoss.ID, SideJobs.ID,
                SteppingStone.ID, Coaching.ID, SocialReturnDemand.ID, VacancyCompetition.ID, TakeUp.ID, Run.INFLOW,
                "other-exit",
                Run.RETIREMENT, nl.fieldlab.sandbox.report.TerminalValue.ID, SkillMatch.ID, HiringSignal.ID,
                WorkToWork.ID));
        assertEquals(classes, new TreeSet<>(mechanisms), "every mechanism is implemented, every class described");
    }

    @Nested
    class JobSearchTest {
        final JobSearch s = new JobSearch(B);

        @Test
        void aSearchDutyRaisesTheContactChance() {
            double with = s.contactChance(Status.WW, 3, 40, true, false, false);
            double without = s.contactChance(Status.WW, 3, 40, false, false, false);
            assertEquals(B.get("search.no-duty-factor"), without / with, EPS);
        }

        @Test
        void theAgeFactorStartsAt50NotAt49() {
            double at49 = s.contactChance(Status.WW, 3, 49, true, false, false);
            double at50 = s.contactChance(Status.WW, 3, 50, true, false, false);
            assertEquals(B.get("search.age-factor.50-54"), at50 / at49, EPS);
            assertEquals(s.contactChance(Status.WW, 3, 30, true, false, false), at49, EPS, "near miss: 49 is not 50");
        }

        @Test
        void aCourseLocksInAndCoachingLifts() {
            double plain = s.contactChance(Status.BIJSTAND, 12, 35, true, false, false);
            assertEquals(B.get("search.in-course-factor.duty-kept"), s.contactChance(Status.BIJSTAND, 12, 35, true,
                    true, false) / plain, EPS);
            assertEquals(1 + B.get("coaching.contact-boost"),
                    s.contactChance(Status.BIJSTAND, 12, 35, true, false, true) / plain, EPS);
        }
    }

    @Nested
    class AgeGradientTest {
        final AgeGradient g = new AgeGradient(B);

        @Test
        void eachBandHasItsFactorFromItsFirstBirthday() {
            assertEquals(1, g.contactFactor(49), EPS);
            assertEquals(B.get("search.age-factor.50-54"), g.contactFactor(54), EPS);
            assertEquals(B.get("search.age-factor.55-59"), g.contactFactor(55), EPS, "55 is the next band");
            assertEquals(B.get("search.age-factor.55-59"), g.contactFactor(59), EPS, "near miss: 59 is not 60");
            assertEquals(B.get("search.age-factor.60-plus"), g.contactFactor(60), EPS);
            assertEquals(B.get("search.age-factor.60-plus"), g.contactFactor(66), EPS);
        }

        @Test
        void theDefaultsFallWithAgeAsThePublishedExitRatesDo() {
            // Kamerstuk 29 544 nr. 497: 45 % at 55 and almost 20 % at 60 find a job within a year; as monthly hazards
            // -ln(1 - 0.20) / -ln(1 - 0.45) = 0.37
            assertTrue(g.contactFactor(52) > g.contactFactor(57) && g.contactFactor(57) > g.contactFactor(62));
            assertEquals(0.37, g.contactFactor(62) / g.contactFactor(57), 0.02);
        }
    }

    @Nested
    class CourseLockInTest {

        @Test
        void aWorkerWhoKeepsTheSearchDutyInACourseContactsMoreVacanciesThanOneUnderTheExemption() {
            JobSearch s = new JobSearch(B);
            double dutyKept = s.contactChance(Status.WW, 3, 40, true, true, false);
            double exempt = s.contactChance(Status.WW, 3, 40, false, true, false);
            assertTrue(dutyKept > exempt, dutyKept + " against " + exempt);
            // the course's own lock-in differs, not only the duty's 0.71: a WW recipient applying 4 times per 4
            // weeks is not locked in like a participant who stops searching
            assertTrue(dutyKept / exempt > 1 / B.get("search.no-duty-factor") + 1e-6,
                    "with the duty kept the ratio is " + dutyKept / exempt);
            assertEquals(B.get("search.in-course-factor.duty-kept") / (B.get("search.no-duty-factor")
                    * B.get("search.in-course-factor.exempt")), dutyKept / exempt, EPS);
            assertEquals(B.get("search.in-course-factor.exempt") * B.get("search.no-duty-factor"),
                    exempt / s.contactChance(Status.WW, 3, 40, true, false, false), EPS,
                    "necessary training: the exemption's lock-in on top of the missing duty");
        }

        @Test
        void withBothLockInsEqualOnlyTheDutyTellsTheTwoCoursesApart() {
            JobSearch s = new JobSearch(Behaviour.with(Map.of("search.in-course-factor.exempt", 0.35,
                    "search.in-course-factor.duty-kept", 0.35)));
            assertEquals(1 / B.get("search.no-duty-factor"), s.contactChance(Status.WW, 3, 40, true, true, false)
                    / s.contactChance(Status.WW, 3, 40, false, true, false), EPS, "near miss: the old single value");
        }

        @Test
        void theFormerSingleValueIsRefusedWithTheTwoThatReplaceIt() {
            String problem = Behaviour.problem("search.in-course-factor", 0.35);
            assertTrue(problem != null && problem.contains("search.in-course-factor.exempt")
                    && problem.contains("search.in-course-factor.duty-kept"), String.valueOf(problem));
            assertEquals(null, Behaviour.problem("search.in-course-factor.duty-kept", 0.35));
        }
    }

    @Nested
    class HiringTest {
        final Hiring h = new Hiring(B);
        static final double WAGE = 3000;

        double chance(double productivity, double cost) {
            return h.chance(new Hiring.Offer(productivity, WAGE, cost, 0, false, false));
        }

        @Test
        void aLowerWagePaidRaisesHiringBecauseTheWorkIsValuedAtTheJobsNormalWage() {
            // wage dispensation: a worker at 50 % wage value; the employer pays half the wage
            double withDispensation = chance(0.5, 0.5 * WAGE);
            double fullWage = chance(0.5, WAGE);
            assertEquals(2, withDispensation / fullWage, 1e-6, "paying the wage value doubles the chance");
            assertTrue(withDispensation > fullWage);
        }

        @Test
        void aLowerProductivityLowersHiringAtTheSameCost() {
            assertTrue(chance(0.6, WAGE) < chance(0.9, WAGE));
        }

        @Test
        void aSubsidyOfNothingChangesNothing() {
            assertEquals(chance(1, WAGE), chance(1, WAGE - 0), EPS);
        }

        @Test
        void expectedSicknessIsPricedInAndHigherForADisabledWorker() {
            double able = h.chance(new Hiring.Offer(1, WAGE, WAGE, 0, false, false));
            double disabled = h.chance(new Hiring.Offer(1, WAGE, WAGE, 0, true, false));
            assertEquals((1 - B.get("hire.sickness-share.disabled")) / (1 - B.get("hire.sickness-share")),
                    disabled / able, 1e-6);
        }

        @Test
        void otherWorthAndCoachingRaiseTheChance() {
            double plain = chance(0.8, WAGE);
            assertTrue(h.chance(new Hiring.Offer(0.8, WAGE, WAGE, 300, false, false)) > plain);
            assertEquals(1 + B.get("coaching.hire-boost"),
                    h.chance(new Hiring.Offer(0.8, WAGE, WAGE, 0, false, true)) / plain, 1e-6);
        }

        @Test
        void theRiskOfABadMatchLowersADirectHireAndATrialThatShowedTheMatchRemovesIt() {
            double risky = h.chance(new Hiring.Offer(1, WAGE, WAGE, 0, false, false, 0.3));
            double known = h.chance(new Hiring.Offer(1, WAGE, WAGE, 0, false, false, 0));
            assertTrue(risky < known);
            double loss = 0.3 * B.get("hire.bad-match-cost-months") / 12;
            double sick = 1 - B.get("hire.sickness-share");
            assertEquals((sick - loss) / sick, risky / known, 1e-6);
        }

        @Test
        void theChanceIsAtMostOne() {
            assertEquals(1, chance(1, 100), EPS);
        }
    }

    @Nested
    class MatchQualityTest {
        final MatchQuality q = new MatchQuality(B);

        @Test
        void aBadMatchEndsMoreOftenInTheFirstYear() {
            double bad = B.get("match.bad-threshold") - 0.05;
            assertEquals(B.get("retention.bad-match-rate"), q.extraSeparation(bad, 3), EPS);
            assertEquals(0, q.extraSeparation(bad, MatchQuality.PROBATION_MONTHS), EPS, "near miss: after a year");
            assertEquals(0, q.extraSeparation(B.get("match.bad-threshold"), 3), EPS, "near miss: at the threshold");
        }

        @Test
        void aCandidateWithAGapIsAMoreUncertainMatch() {
            assertTrue(q.badChance(true) > q.badChance(false));
            assertEquals(1 + B.get("match.quality-sd.gap"), q.factor(1, true), EPS);
        }

        @Test
        void theFactorHasMeanOneAndTheDocumentedSpread() {
            assertEquals(1, q.factor(0, false), EPS);
            assertEquals(1 + B.get("match.quality-sd"), q.factor(1, false), EPS);
            assertEquals(0.2, q.factor(-100, false), EPS);
        }
    }

    @Nested
    class TrialScreeningTest {
        final TrialScreening t = new TrialScreening(B);

        @Test
        void theOfferRateHoldsForAStandardTrialOfACandidateAtFullWageValue() {
            int standard = (int) B.get("trial.months-to-learn");
            assertEquals(B.get("hire.trial-offer-rate"), t.offerChance(standard, 1), EPS);
            assertEquals(0, t.offerChance(0, 1), EPS, "near miss: no months allowed, no offer");
        }

        @Test
        void aLongerTrialGivesTheEmployerMoreUnpaidOutputSoItIsOfferedMoreOften() {
            int standard = (int) B.get("trial.months-to-learn");
            assertTrue(t.offerChance(standard + 2, 1) > t.offerChance(standard, 1), "E2's longer trial");
            assertTrue(t.gainMonths(standard + 2, 1) > t.gainMonths(standard, 1));
            assertEquals(t.riskRemovedMonths(standard), t.riskRemovedMonths(standard + 2), EPS,
                    "the match is learnt by the standard length: more months remove no more risk");
        }

        @Test
        void aCandidateWhoseWorkIsWorthLessIsOfferedATrialLessOften() {
            assertTrue(t.offerChance(2, 0.6) < t.offerChance(2, 1));
            assertTrue(t.offerChance(2, 0.6) > 0, "the risk a trial removes is worth something at any wage value");
        }

        @Test
        void aTrialTeachesTheEmployerTheMatch() {
            double learn = B.get("trial.months-to-learn");
            assertEquals(0.6, t.learntMatch(learn, 0.6), EPS, "after the learning months the employer knows");
            assertEquals(1, t.learntMatch(0, 0.6), EPS, "near miss: before the trial it expects an average match");
            assertEquals(1 - 0.4 / 2, t.learntMatch(learn / 2, 0.6), EPS);
        }

        @Test
        void skillRisesUntilTheGapIsBridgedAndNotAfter() {
            double bridge = B.get("trial.months-to-bridge-gap");
            assertEquals(B.get("hire.gap-productivity"), t.skill(0, true), EPS);
            assertTrue(t.skill(bridge / 2, true) < t.skill(bridge, true));
            assertEquals(t.skill(bridge, true), t.skill(bridge + 4, true), EPS,
                    "near miss: a longer trial adds no skill once the gap is bridged");
            assertEquals(1, t.skill(0, false), EPS, "no gap, nothing to learn");
        }
    }

    @Nested
    class ApprenticeshipTest {
        final Apprenticeship a = new Apprenticeship(B);

        @Test
        void anApprenticeWorksPartTimeWhileTheCourseRuns() {
            assertEquals(B.get("apprentice.productivity"), a.firstYearProductivity(18), EPS);
            assertEquals((6 * B.get("apprentice.productivity") + 6) / 12, a.firstYearProductivity(6), EPS);
            assertEquals(1, a.firstYearProductivity(0), EPS, "near miss: no course, full productivity");
        }
    }

    @Nested
    class CourseUptakeTest {
        final CourseUptake u = new CourseUptake(B);

        @Test
        void aCourseTheWorkerPaysForStartsLessOftenAndALoanLiftsPartOfThat() {
            double self = B.get("course.self-pay-acceptance");
            assertEquals(self, u.startChance(500, false), EPS);
            assertEquals(self + (1 - self) * B.get("course.loan-take-up"), u.startChance(500, true), EPS);
            assertEquals(1, u.startChance(0, true), EPS, "near miss: nothing to pay, nothing to borrow");
        }

        @Test
        void theLoanIsDrawnByThoseItBroughtToStartAndByTheTakeUpShareOfTheRest() {
            int n = 100_000;
            int started = 0;
            int onLoan = 0;
            int onLoanWithoutOffer = 0;
            for (int i = 0; i < n; i++) {
                double draw = (i + 0.5) / n;
                CourseUptake.Start s = u.start(500, true, draw);
                started += s == CourseUptake.Start.NOT_STARTED ? 0 : 1;
                onLoan += s == CourseUptake.Start.STARTED_ON_LOAN ? 1 : 0;
                onLoanWithoutOffer += u.start(500, false, draw) == CourseUptake.Start.STARTED_ON_LOAN ? 1 : 0;
            }
            double self = B.get("course.self-pay-acceptance");
            double takeUp = B.get("course.loan-take-up");
            assertEquals(u.startChance(500, true), (double) started / n, 1e-4, "the same starts as the chance says");
            // those it brought to start, (1 - self) x take-up, and take-up of the self x who would have paid anyway
            assertEquals(takeUp, (double) onLoan / n, 1e-4);
            assertEquals(0, onLoanWithoutOffer, "near miss: no loan offered, none drawn");
            assertEquals(CourseUptake.Start.STARTED, u.start(0, true, 0.0), "near miss: nothing to pay, no loan");
            assertTrue(self > 0);
        }
    }

    @Nested
    class CourseCompletionTest {
        final CourseCompletion c = new CourseCompletion(B);

        @Test
        void theSearchDutyLowersCompletion() {
            assertEquals(B.get("course.completion-with-search-duty"), c.chance(1, false), EPS);
            assertEquals(B.get("course.completion"), c.chance(0, false), EPS);
            assertEquals(1, c.chance(1, true), EPS,
                    "an apprentice still in the course at its end completes it (leaving is drawn monthly)");
        }

        @Test
        void aDutyForPartOfTheCourseWeighsTheTwoRatesByItsMonths() {
            // necessary training of 12 months on WW: exempt for 10, the duty in the last 2
            double with = B.get("course.completion-with-search-duty");
            double without = B.get("course.completion");
            assertEquals(without + (with - without) * 2 / 12.0, c.chance(2 / 12.0, false), EPS);
            assertTrue(c.chance(2 / 12.0, false) < without && c.chance(2 / 12.0, false) > with,
                    "between the two rates");
        }
    }

    @Nested
    class BblContractTest {
        final BblContract bbl = new BblContract(B);

        @Test
        void theMonthlyLeavingChanceGivesThePublishedCompletionOverAnyCourseLength() {
            for (int months : new int[] {6, 18, 36}) {
                double stay = Math.pow(1 - bbl.monthlyLeaving(months), months);
                assertEquals(B.get("course.completion.apprentice"), stay, 1e-12, months + " months");
            }
            assertTrue(bbl.monthlyLeaving(36) < bbl.monthlyLeaving(18), "a longer course spreads the leaving thinner");
        }

        @Test
        void theCompletionIsTheCbsShareOfBblLeaversWithADiploma() {
            assertEquals(0.66, bbl.completion(), EPS, "CBS Statistische Trends 2019: 44,000 of 67,000 leavers");
        }

        @Test
        void nobodyLeavesWhenAllComplete() {
            Behaviour all = Behaviour.with(Map.of("course.completion.apprentice", 1.0));
            assertEquals(0, new BblContract(all).monthlyLeaving(18), EPS);
        }

        @Test
        void theContractCoversTheCourseAndNotTheMonthItEnds() {
            assertTrue(BblContract.covers(30, 12), "an 18-month course started in month 12 covers month 12");
            assertTrue(BblContract.covers(30, 29), "and its last month");
            assertFalse(BblContract.covers(30, 30), "near miss: not the month after its last");
            assertFalse(BblContract.covers(-1, 12), "a job without a course");
        }

        @Test
        void aTwelveMonthContractNoLongerEndsAnEighteenMonthCourseButCountsFromItsEnd() {
            JobLoss j = new JobLoss(B);
            int start = 12;
            int courseEnd = start + 18;
            // the employer's ordinary 12-month contract would have come up for renewal in the course's 12th month
            assertTrue(j.nonRenewal(12, 12, 36, false) > 0, "an ordinary job's contract ends after 12 months");
            assertEquals(0, BblContract.monthsUnderOrdinaryContract(start, courseEnd, courseEnd));
            assertEquals(0, j.nonRenewal(BblContract.monthsUnderOrdinaryContract(start, courseEnd, courseEnd), 12, 36,
                    false), "no contract end in the month the course ends");
            assertEquals(12, BblContract.monthsUnderOrdinaryContract(start, courseEnd, courseEnd + 12));
            assertEquals(5, BblContract.monthsUnderOrdinaryContract(start, -1, start + 5),
                    "an ordinary job counts from its start");
        }
    }

    @Nested
    class SteppingStoneTest {
        final SteppingStone s = new SteppingStone(B);

        @Test
        void aSideJobBegunEarlyLocksInAndOneBegunLaterIsASteppingStone() {
            int from = (int) B.get("sidejob.stepping-stone-from-month");
            assertEquals(B.get("sidejob.contact-factor.early"), s.contactFactor(from - 1), EPS, "near miss: a month early");
            assertEquals(B.get("sidejob.contact-factor.late"), s.contactFactor(from), EPS);
            assertTrue(s.contactFactor(0) < 1 && s.contactFactor(from) > 1, "both signs at the defaults");
        }

        @Test
        void withoutASideJobNothingChanges() {
            assertEquals(1, s.contactFactor((Spells.SideJob) null), EPS);
            assertEquals(B.get("sidejob.contact-factor.late"), s.contactFactor(new Spells.SideJob(400, 30, 30)), EPS,
                    "the months out of work when the side job began decide, not the benefit's");
        }
    }

    @Nested
    class SearchDutyInACourseTest {

        /** A WW benefit assessed with a course: the duty's obligation and the exemption's months, as the rules give. */
        private Spells.Benefit benefit(double duty, Double exemptMonths) {
            var entitlements = exemptMonths == null ? List.<nl.fieldlab.sandbox.rules.Answer.ValueLine>of()
                    : List.of(new nl.fieldlab.sandbox.rules.Answer.ValueLine("WW-SEARCH-DUTY-TRAINING-EXEMPT",
                            "search-duty.exempt-months", exemptMonths));
            var obligations = List.of(new nl.fieldlab.sandbox.rules.Answer.ValueLine(duty > 0 ? "WW-SEARCH-DUTY"
                    : "WW-SEARCH-DUTY-TRAINING-EXEMPT", "search-duty", duty));
            var a = new nl.fieldlab.sandbox.rules.Answer(List.of(), entitlements, obligations, List.of(), List.of(),
                    List.of(), List.of(), Set.of());
            return new Spells.Benefit(Status.WW, null, a, null, 0, 0, 0);
        }

        @Test
        void anExemptionThatEndsBeforeTheCourseLeavesTheDutyForItsLastMonths() {
            Spells.Benefit b = benefit(0, 10.0);
            assertFalse(b.searchDutyInCourseMonth(10), "exempt in course month 10");
            assertTrue(b.searchDutyInCourseMonth(11), "the duty is back in course month 11 (two months before the end)");
            assertEquals(2 / 12.0, b.searchDutyShareOf(12), EPS);
        }

        @Test
        void anExemptionForTheWholeCourseOrNoneAtAll() {
            Spells.Benefit whole = benefit(0, null);
            assertFalse(whole.searchDutyInCourseMonth(60), "near miss: no end given, exempt for the whole course");
            assertEquals(0, whole.searchDutyShareOf(18), EPS);
            Spells.Benefit kept = benefit(4, null);
            assertTrue(kept.searchDutyInCourseMonth(1), "the duty kept during a course that is not necessary");
            assertEquals(1, kept.searchDutyShareOf(18), EPS);
        }
    }

    @Nested
    class JobLossTest {
        final JobLoss j = new JobLoss(B);

        @Test
        void aFixedTermContractMayEndAtItsEndUntilTheChainRuleMakesItPermanent() {
            double notRenewed = 1 - B.get("retention.renewal-rate");
            assertEquals(notRenewed, j.nonRenewal(12, 12, 36, false), EPS);
            assertEquals(0, j.nonRenewal(11, 12, 36, false), EPS, "near miss: in the middle of the contract");
            assertEquals(0, j.nonRenewal(48, 12, 36, false), EPS, "after 36 months the job is permanent");
            assertEquals(0, j.nonRenewal(12, 0, 36, false), EPS, "a permanent contract does not end");
            assertEquals(1, j.nonRenewal(6, 6, 36, true), EPS, "a bad match is not renewed");
        }

        @Test
        void theRouteIntoTheJobSetsTheMonthlyRisk() {
            assertEquals(B.get("retention.separation-rate.BIJSTAND"), j.chance(Status.BIJSTAND), EPS);
            assertEquals(B.get("retention.separation-rate.WW"), j.chance(Status.WW), EPS);
        }
    }

    @Nested
    class SideJobsTest {
        final SideJobs s = new SideJobs(B);

        @Test
        void keepingMoreOfTheEarningsRaisesTheStartRate() {
            double quarter = s.startChance(Status.BIJSTAND, 0.25);
            double half = s.startChance(Status.BIJSTAND, 0.5);
            assertEquals(Math.pow(2, B.get("sidejob.keep-elasticity")), half / quarter, 1e-9);
            assertEquals(B.get("sidejob.start-rate.BIJSTAND"),
                    s.startChance(Status.BIJSTAND, B.get("sidejob.reference-keep-share")), EPS);
        }

        @Test
        void nobodyWithoutABenefitTakesASideJob() {
            assertEquals(0, s.startChance(Status.EMPLOYED, 0.5), EPS);
        }

        @Test
        void earningsAreTheHoursAtTheWage() {
            assertEquals(B.get("sidejob.hours-per-week") * 4.3333 * 14.71, s.earnings(14.71, 4.3333), 0.01);
        }
    }

    @Nested
    class SocialReturnDemandTest {
        final SocialReturnDemand d = new SocialReturnDemand(B, 2);

        @Test
        void creditIsWorthSomethingOnlyWhileTheObligationIsUnmet() {
            double worth = d.worth(0, 2026, 20_000, 30_000);
            assertEquals(B.get("hire.sroi-credit-value") * 20_000 / 12, worth, 1e-6, "capped at what is owed");
            d.earn(0, 2026, 20_000);
            assertEquals(0, d.worth(0, 2026, 20_000, 30_000), EPS, "met: no more worth");
            assertEquals(worth, d.worth(0, 2027, 20_000, 30_000), 1e-6, "a new year, a new obligation");
            assertEquals(0, d.worth(1, 2026, 0, 30_000), EPS, "near miss: no obligation");
        }
    }

    @Test
    void aProviderPicksMostOfItsCohortByPredictedChanceAndTheRestByLottery() {
        Coaching c = new Coaching(Behaviour.with(Map.of("coaching.cream-skimming", 0.5)));
        List<Integer> ids = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        // predicted chance rises with the id; the lottery favours low ids
        List<Integer> cohort = c.pick(ids, i -> i / 10.0, i -> i, i -> i, 4);
        assertEquals(List.of(7, 6, 0, 1), cohort, "the two best by prediction, then two by lottery");
        Coaching random = new Coaching(Behaviour.with(Map.of("coaching.cream-skimming", 0.0)));
        assertEquals(List.of(0, 1, 2, 3), random.pick(ids, i -> i / 10.0, i -> i, i -> i, 4),
                "near miss: without cream-skimming the lottery decides alone");
        assertEquals(1 - Math.pow(1 - 0.5 * 0.4, 6), Coaching.predictedSuccess(0.5, 0.4, 6), 1e-12);
    }

    @Test
    void coachingReadsItsValues() {
        Coaching c = new Coaching(Behaviour.with(Map.of("coaching.months", 6.0, "coaching.cream-skimming", 0.5)));
        assertEquals(6, c.months());
        assertEquals(0.5, c.creamSkimming(), EPS);
    }

    @Nested
    class SkillMatchTest {
        final SkillMatch skill = new SkillMatch(B);
        final TrialScreening screening = new TrialScreening(B);
        final MatchQuality match = new MatchQuality(B);
        final double small = B.get("skills.small-gap-distance");

        @Test
        void aGapOfTheSmallGapDistanceHasExactlyTheCalibratedSmallGapValues() {
            double s = skill.s(small);
            assertEquals(1, s, EPS);
            assertEquals(B.get("hire.gap-productivity"), screening.skill(0, s), EPS);
            assertEquals(screening.firstYearSkill(0, true), screening.firstYearSkill(0, s), EPS);
            assertEquals(match.badChance(true), match.badChance(s), EPS);
            assertEquals(1, screening.firstYearSkill(0, skill.s(0)), EPS, "no distance, no gap");
        }

        @Test
        void halfTheSmallGapDistanceCostsHalfTheShortfallAndHalfTheMonthsToBridge() {
            double shortfall = 1 - B.get("hire.gap-productivity");
            assertEquals(1 - shortfall / 2, screening.skill(0, 0.5), EPS);
            assertEquals(1, screening.skill(B.get("trial.months-to-bridge-gap") / 2, 0.5), EPS);
            assertTrue(match.badChance(0.5) > match.badChance(false) && match.badChance(0.5) < match.badChance(true));
        }

        @Test
        void aFarGapStartsLowerButNeverBelowAnApprentice() {
            assertEquals(B.get("apprentice.productivity"), screening.skill(0, 100.0), EPS);
            assertTrue(screening.firstYearSkill(0, 1.5) < screening.firstYearSkill(0, true));
        }

        @Test
        void theSmallGapDistanceIsSmallAndAHairAboveItIsLarge() {
            assertEquals(SkillMatch.Gap.NONE, skill.gap(0));
            assertEquals(SkillMatch.Gap.SMALL, skill.gap(small));
            assertEquals(SkillMatch.Gap.LARGE, skill.gap(small + 1e-9), "near miss");
        }
    }

    @Nested
    class HiringSignalTest {
        final nl.fieldlab.sandbox.scenario.Scenario s = TestRuns.scenario("scenarios/house-of-skills.yaml");
        final Market market = Market.of(s, Fields.of(s));

        private HiringSignal signal(String variant, double adoption) {
            return new HiringSignal(Behaviour.with(Map.of("skills.adoption-share", adoption)), s, variant, market,
                    Rng.forReplication(s.seed(), 0));
        }

        private long seeing(HiringSignal h, String group) {
            return java.util.Arrays.stream(market.employers).filter(e -> s.employers().get(e.group).group()
                    .equals(group)).filter(e -> h.seesSkills(e.index)).count();
        }

        @Test
        void everyAdoptingEmployerOfTheNamedGroupsSeesThePassport() {
            HiringSignal h = signal("hire-on-skills", 1);
            assertEquals(80, seeing(h, "installation"));
            assertEquals(120, seeing(h, "retail"));
            assertEquals(0, seeing(h, "aircraft-maintenance"), "not named: keeps the diploma");
        }

        @Test
        void anEmployerOfARegulatedOccupationKeepsTheDiploma() {
            // the shipped ESCO subset marks no occupation as regulated: mark the electrician so in a copy
            String text = nl.fieldlab.sandbox.input.YamlFile.resourceText(nl.fieldlab.sandbox.skills.Taxonomy.class,
                    "esco-1.2.0-technical.yaml").replaceFirst("label: \"electrician\"\n    regulated: false",
                    "label: \"electrician\"\n    regulated: true");
            var regulated = nl.fieldlab.sandbox.skills.Taxonomy.parse(java.nio.file.Path.of("copy.yaml"), text);
            var r = new nl.fieldlab.sandbox.scenario.Scenario(s.id(), s.description(), s.region(), s.municipality(),
                    s.start(), s.months(), s.seed(), s.replications(), s.population(), s.workers(), s.employers(),
                    s.courses(), s.behaviour(), s.variants(), s.expectations(), s.file(), s.sha256(), s.text(),
                    s.robustness(), s.verdicts(), new nl.fieldlab.sandbox.scenario.SkillsSetup(regulated,
                            s.skills().hiring()));
            HiringSignal h = new HiringSignal(Behaviour.with(Map.of("skills.adoption-share", 1.0)), r,
                    "hire-on-skills", market, Rng.forReplication(s.seed(), 0));
            assertEquals(0, seeing(h, "installation"), "the electrician's licence");
            assertEquals(50, seeing(h, "mechatronics"), "near miss: not regulated");
        }

        @Test
        void theBaselineAndAnEmployerThatDoesNotAdoptKeepTheDiploma() {
            assertEquals(0, seeing(signal("baseline", 1), "installation"));
            assertEquals(0, seeing(signal("hire-on-skills", 0), "installation"), "near miss: nobody adopts");
            long some = seeing(signal("hire-on-skills", 0.37), "installation");
            assertTrue(some > 10 && some < 50, "about 37 % of 80: " + some);
        }
    }
}
