package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.scenario.CourseSpec;
import nl.fieldlab.sandbox.scenario.EmployerGroup;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Employers, their open vacancies and the courses on offer. The employers and courses are fixed for a scenario;
 * each run works on its own copy of the vacancies.
 */
final class Market {

    /** An employer of the scenario. */
    static final class EmployerState {
        final int index;
        final int group;
        final EmployerFacts facts;
        final int field;
        final Education requiredEducation;
        final double vacancyRate;
        /** the group's carved jobs (a case sprint's output), or null */
        final EmployerGroup.Carving carving;
        /** the employer as a carved job's question names it: the carved job's hourly wage; null without carving */
        final EmployerFacts carvedFacts;
        long serial;

        EmployerState(int index, int group, EmployerFacts facts, int field, Education requiredEducation,
                double vacancyRate, EmployerGroup.Carving carving) {
            this.index = index;
            this.group = group;
            this.facts = facts;
            this.field = field;
            this.requiredEducation = requiredEducation;
            this.vacancyRate = vacancyRate;
            this.carving = carving;
            this.carvedFacts = carving == null ? null : new EmployerFacts(facts.group(), facts.sector(), facts.field(),
                    facts.region(), facts.staff(), carving.hourlyWage(), facts.hoursPerWeek(), facts.contractMonths(),
                    facts.technical(), facts.shortage(), facts.recognisedTrainingCompany(), facts.trainingFund(),
                    facts.socialCooperative(), facts.practiceStatementPlan(), facts.sroiContractValue());
        }
    }

    /** An open vacancy; closed when filled here or by someone outside the simulated population, or withdrawn. */
    static final class Vacancy {
        private final long id;
        private final int employer;
        private final int opened;
        private boolean open = true;
        /** a carved job: split-off tasks for a lower wage value (case sprint, output CARVING) */
        private boolean carved;

        Vacancy(long id, int employer, int opened) {
            this.id = id;
            this.employer = employer;
            this.opened = opened;
        }

        long id() {
            return id;
        }

        int employer() {
            return employer;
        }

        int opened() {
            return opened;
        }

        boolean isOpen() {
            return open;
        }

        boolean carved() {
            return carved;
        }

        void carve() {
            carved = true;
        }
    }

    final EmployerState[] employers;
    final CourseFacts[] courses;
    /** per course: the case sprint whose output it is (offered only once that sprint has ended), or null */
    private final String[] courseOfferedBy;
    /** per course: its own completion share, or NaN for the behaviour value course.completion */
    private final double[] courseCompletion;
    /** per course, in this run: whether it is offered now (a sprint's course only after the sprint) */
    private final boolean[] offered;
    private final int[] courseField;
    private final Fields fields;
    private final boolean[] shortageFields;
    private final boolean[] technicalFields;
    private final Map<EmployerFacts, Integer> indexOfFacts;
    private final List<List<Vacancy>> openByField = new ArrayList<>();
    private final List<Vacancy> openAll = new ArrayList<>();

    private Market(EmployerState[] employers, CourseFacts[] courses, String[] courseOfferedBy,
            double[] courseCompletion, Fields fields, boolean[] shortageFields, boolean[] technicalFields,
            Map<EmployerFacts, Integer> indexOfFacts) {
        this.employers = employers;
        this.courses = courses;
        this.courseOfferedBy = courseOfferedBy;
        this.courseCompletion = courseCompletion;
        this.offered = new boolean[courses.length];
        for (int i = 0; i < courses.length; i++) {
            offered[i] = courseOfferedBy[i] == null;
        }
        this.fields = fields;
        this.shortageFields = shortageFields;
        this.technicalFields = technicalFields;
        this.courseField = new int[courses.length];
        for (int i = 0; i < courses.length; i++) {
            courseField[i] = fields.index(courses[i].field());
        }
        this.indexOfFacts = indexOfFacts;
        for (int f = 0; f < fields.size(); f++) {
            openByField.add(new ArrayList<>());
        }
    }

    static Market of(Scenario s, Fields fields) {
        List<EmployerState> list = new ArrayList<>();
        boolean[] shortage = new boolean[fields.size()];
        boolean[] technical = new boolean[fields.size()];
        Map<EmployerFacts, Integer> index = new IdentityHashMap<>();
        for (int g = 0; g < s.employers().size(); g++) {
            EmployerGroup eg = s.employers().get(g);
            for (int k = 0; k < eg.count(); k++) {
                EmployerFacts facts = new EmployerFacts(eg.group(), eg.sector(), eg.field(),
                        eg.region() == null ? s.region() : eg.region(), eg.staff(), eg.hourlyWage(),
                        eg.hoursPerWeek(), orZero(eg.contractMonths()), is(eg.technical()), is(eg.shortage()),
                        is(eg.recognisedTrainingCompany()), eg.trainingFund() == null ? "NONE" : eg.trainingFund(),
                        is(eg.socialCooperative()), is(eg.practiceStatementPlan()),
                        eg.sroiContractValue() == null ? 0 : eg.sroiContractValue());
                index.put(facts, list.size());
                EmployerState state = new EmployerState(list.size(), g, facts, fields.index(eg.field()),
                        eg.requiredEducation(), eg.vacancyRate(), eg.carving());
                if (state.carvedFacts != null) {
                    index.put(state.carvedFacts, list.size());
                }
                list.add(state);
                if (is(eg.shortage())) {
                    shortage[fields.index(eg.field())] = true;
                }
                if (is(eg.technical())) {
                    technical[fields.index(eg.field())] = true;
                }
            }
        }
        CourseFacts[] courses = new CourseFacts[s.courses().size()];
        String[] offeredBy = new String[courses.length];
        double[] completion = new double[courses.length];
        for (int i = 0; i < courses.length; i++) {
            CourseSpec c = s.courses().get(i);
            offeredBy[i] = c.offeredBy();
            completion[i] = c.completion() == null ? Double.NaN : c.completion();
            courses[i] = new CourseFacts(c.id(), c.field(), c.level(), c.months(), c.route(), c.credential(), c.price(),
                    is(c.shortageOccupation()), is(c.kansberoep()), orZero(c.practiceHoursPerYear()),
                    orZero(c.supervisedHoursPerYear()), is(c.developmentPath()));
        }
        return new Market(list.toArray(new EmployerState[0]), courses, offeredBy, completion, fields, shortage,
                technical, index);
    }

    /**
     * A copy with the same employers and courses, no open vacancies, and only the courses that exist without an
     * instrument on offer.
     */
    Market copy() {
        EmployerState[] fresh = new EmployerState[employers.length];
        for (int i = 0; i < employers.length; i++) {
            EmployerState e = employers[i];
            fresh[i] = new EmployerState(e.index, e.group, e.facts, e.field, e.requiredEducation, e.vacancyRate,
                    e.carving);
        }
        Map<EmployerFacts, Integer> index = new IdentityHashMap<>(indexOfFacts);
        for (EmployerState e : fresh) {
            if (e.carvedFacts != null) {
                index.put(e.carvedFacts, e.index);
            }
        }
        return new Market(fresh, courses, courseOfferedBy, courseCompletion, fields, shortageFields, technicalFields,
                index);
    }

    Vacancy open(EmployerState e, int month) {
        Vacancy v = new Vacancy(((long) e.index << 24) | e.serial++, e.index, month);
        openByField.get(e.field).add(v);
        openAll.add(v);
        return v;
    }

    /** Another employer's facts that name employer {@code employer} in questions (the cooperative as its employer). */
    void register(EmployerFacts facts, int employer) {
        indexOfFacts.put(facts, employer);
    }

    /** The case sprint whose output course {@code course} is, or null for a course that exists without one. */
    String offeredBy(int course) {
        return courseOfferedBy[course];
    }

    /** From now on, in this run, the courses a case sprint produced are offered. */
    void offerCoursesOf(String sprint) {
        for (int i = 0; i < courses.length; i++) {
            if (sprint.equals(courseOfferedBy[i])) {
                offered[i] = true;
            }
        }
    }

    /** The course's own completion share, or NaN when the behaviour value applies. */
    double completion(int course) {
        return courseCompletion[course];
    }

    /** A vacancy filled by a worker of the simulation. */
    void fill(Vacancy v, int month, RunTotals totals) {
        v.open = false;
        totals.vacanciesFilled++;
        totals.vacancyMonthsOpen += month - v.opened;
    }

    /** Closes vacancies filled from outside the simulated population this month. */
    void closeExternally(Predicate<Vacancy> filled, int month, RunTotals totals) {
        for (Vacancy v : openAll) {
            if (v.open && filled.test(v)) {
                v.open = false;
                totals.vacanciesFilledExternally++;
                totals.vacancyMonthsOpen += month - v.opened;
            }
        }
    }

    /** Withdraws the open vacancies an employer gives up on this month (not filled by anyone). */
    void lapse(Predicate<Vacancy> lapses) {
        for (Vacancy v : openAll) {
            if (v.open && lapses.test(v)) {
                v.open = false;
            }
        }
    }

    /** Drops closed vacancies from the open lists. */
    void compact() {
        openAll.removeIf(v -> !v.open);
        for (List<Vacancy> l : openByField) {
            l.removeIf(v -> !v.open);
        }
    }

    List<Vacancy> openIn(int field) {
        return openByField.get(field);
    }

    List<Vacancy> openAll() {
        return openAll;
    }

    boolean shortageField(int field) {
        return shortageFields[field];
    }

    /** Whether technical employers of the scenario hire in this field. */
    boolean technicalField(int field) {
        return technicalFields[field];
    }

    /** The first course (in scenario order) into {@code field} that reaches {@code level}, else any into the field. */
    int courseInto(int field, Education level) {
        int any = -1;
        for (int i = 0; i < courses.length; i++) {
            if (offered[i] && courseField[i] == field) {
                if (courses[i].level().atLeast(level)) {
                    return i;
                }
                if (any < 0) {
                    any = i;
                }
            }
        }
        return any;
    }

    /**
     * The BBL course into {@code field} a training company takes an apprentice on for: a BBL route into the field
     * that reaches at least one level below {@code level} (a certificate route may do), the longest such diploma
     * first, else -1.
     */
    int apprenticeshipCourse(int field, Education level) {
        int best = -1;
        for (int i = 0; i < courses.length; i++) {
            CourseFacts c = courses[i];
            if (!offered[i] || courseField[i] != field || c.route() != nl.fieldlab.sandbox.domain.CourseRoute.BBL
                    || c.level().level() < level.level() - 1) {
                continue;
            }
            if (best < 0 || rank(c) > rank(courses[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Diplomas before certificates, then the level reached. */
    private static int rank(CourseFacts c) {
        return (c.credential() == nl.fieldlab.sandbox.domain.Credential.DIPLOMA ? 100 : 0) + c.level().level();
    }

    /** The first shortage-occupation course at most one level above {@code education}, else the lowest one. */
    int shortageCourseFor(Education education) {
        int lowest = -1;
        for (int i = 0; i < courses.length; i++) {
            if (!offered[i] || !courses[i].shortageOccupation()) {
                continue;
            }
            if (courses[i].level().level() <= education.level() + 1) {
                return i;
            }
            if (lowest < 0 || courses[i].level().level() < courses[lowest].level().level()) {
                lowest = i;
            }
        }
        return lowest;
    }

    int fieldIndex(String name) {
        return fields.index(name);
    }

    String fieldName(int field) {
        return fields.name(field);
    }

    int indexOf(EmployerFacts facts) {
        Integer i = indexOfFacts.get(facts);
        if (i == null) {
            throw new IllegalStateException("employer not in this market: " + facts.group());
        }
        return i;
    }

    private static boolean is(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
