package nl.fieldlab.sandbox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.CourseRoute;
import nl.fieldlab.sandbox.domain.Credential;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;

/** The benchmark's plain-Java floor gives the rule engine's answers on its slice of the regulation. */
public class FloorTest {

    static final int QUESTIONS = 10_000;

    @Test
    void theFloorAnswersTenThousandRandomQuestionsAsTheSliceRulesDo() {
        RuleBase rules = RuleBase.compile(TestRuns.library().slice(Floor.FILES), Variant.baseline());
        // the parameters start in 2024, so the bijstand trial before its statutory footing (2023-07) is an override;
        // so is a municipality's flat-rate wage-cost subsidy (none by default)
        RuleBase others = rules.withVariant(new Variant("other choices", List.of(),
                Map.of("trial.bijstand.statutory", 0.0, "lks.flat-rate.months", 6.0)));
        Random random = new Random(20261203);
        Set<String> fired = new TreeSet<>();
        Set<String> missed = new TreeSet<>(rules.rules().keySet());
        for (int done = 0; done < QUESTIONS; done += 500) {
            RuleBase base = done % 1000 == 0 ? rules : others;
            List<Question> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(question(random, base));
            }
            List<Answer> engine = base.decide(batch);
            List<Answer> floor = Floor.decide(batch);
            for (int i = 0; i < batch.size(); i++) {
                Question q = batch.get(i);
                assertEquals(engine.get(i), floor.get(i), () -> "question " + q + " worker " + q.worker()
                        + " employer " + q.employer() + " course " + q.course());
                fired.addAll(engine.get(i).fired());
                Set<String> all = new TreeSet<>(rules.rules().keySet());
                all.removeAll(engine.get(i).fired());
                missed.retainAll(all);
            }
        }
        Set<String> never = new TreeSet<>(rules.rules().keySet());
        never.removeAll(fired);
        assertTrue(never.isEmpty(), "the random questions never made these rules fire: " + never);
        assertTrue(missed.isEmpty(), "these rules fired for every random question (no near miss): " + missed);
    }

    /** A question drawn so that every rule of the slice fires for some and misses for others. */
    static final java.util.List<QuestionType> SLICE_TYPES = java.util.List.of(QuestionType.HIRE,
            QuestionType.TRIAL_PLACEMENT, QuestionType.COURSE, QuestionType.BENEFIT);

    public static Question question(Random r, RuleBase rules) {
        // the question types the floor's slice answers: no rule of the slice (or of any exemption) reads a dismissal,
        // and drawing from the four keeps the random questions other tests were written against
        QuestionType type = SLICE_TYPES.get(r.nextInt(SLICE_TYPES.size()));
        YearMonth month = YearMonth.of(2024 + r.nextInt(4), 1 + r.nextInt(12));
        Status status = Status.values()[r.nextInt(Status.values().length)];
        String background = pick(r, "NONE", "WAJONG", "WAJONG-DGA", "WIA-IVA", "LKS", "VSO");
        double earnings = r.nextInt(3) == 0 ? r.nextInt(3000) : 0;
        WorkerFacts w = new WorkerFacts(14 + r.nextInt(56), status, Household.values()[r.nextInt(
                Household.values().length)], Education.values()[r.nextInt(Education.values().length)], "techniek",
                "NHN", pick(r, 20, 40, 55, 70, 75, 80, 99, 100), r.nextInt(400), r.nextInt(45), r.nextInt(20),
                r.nextInt(37), r.nextInt(6), r.nextInt(12), r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                background, r.nextBoolean(), earnings, earnings > 0 ? 1 + r.nextInt(6) : 0,
                nl.fieldlab.sandbox.domain.CoursePayer.DEFAULT);
        EmployerFacts e = r.nextInt(6) == 0 ? null : new EmployerFacts("g", "metalektro", "techniek", "NHN",
                1 + r.nextInt(300), pick(r, 9.0, 14.4, 15.5, 22.0), pick(r, 16, 24, 32, 36, 40),
                pick(r, 0, 3, 6, 12), r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), "NONE", r.nextBoolean(),
                r.nextBoolean(), 0);
        CourseFacts c = r.nextInt(3) == 0 ? null : new CourseFacts("c", "techniek", Education.MBO2, 12,
                CourseRoute.values()[r.nextInt(CourseRoute.values().length)], Credential.DIPLOMA, 2000,
                r.nextBoolean(), r.nextBoolean(), 800, 200, r.nextBoolean());
        return new Question(type, month, month.getYear(), w, e, c, r.nextInt(5) == 0, r.nextBoolean(), 100, 0,
                Set.of(), rules.parameters(month, Set.of()));
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
