package nl.fieldlab.sandbox.rules;

import java.time.YearMonth;
import java.util.Set;

import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;

/**
 * Where an exemption applies: which questions, regions, worker statuses and ages, which jobs or courses, which
 * months; and the caps that limit it. An empty set means "any".
 *
 * @param questions   question types it can change
 * @param regions     labour-market regions (worker's region)
 * @param statuses    worker statuses
 * @param minAge      lowest age covered, or 0
 * @param maxAge      highest age covered, or 0 for no limit
 * @param technicalOnly only technical jobs (employer) or courses into shortage occupations
 * @param from        first month, or null
 * @param until       last month, or null
 * @param staffShare  at most this share of an employer's staff at once under the exemption, or 0 for no cap
 * @param budget      at most this many euro paid by the exemption's own rules per replication, or 0 for no cap
 * @param participants at most this many workers admitted per replication, or 0 for no cap
 * @param cohort      only workers a provider has admitted to its cohort (an outcome-financed project); the
 *                    simulation forms the cohort
 */
public record ExemptionScope(
        Set<QuestionType> questions,
        Set<String> regions,
        Set<Status> statuses,
        int minAge,
        int maxAge,
        boolean technicalOnly,
        YearMonth from,
        YearMonth until,
        double staffShare,
        double budget,
        int participants,
        boolean cohort) {

    public ExemptionScope {
        // sorted, so that every listing of a scope reads the same from one JVM to the next
        questions = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(questions));
        regions = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(regions));
        statuses = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(statuses));
    }

    /** Whether the month lies in the exemption's window. */
    public boolean activeIn(YearMonth month) {
        return (from == null || !month.isBefore(from)) && (until == null || !month.isAfter(until));
    }

    /** Whether a question with these facts falls in scope, caps aside. */
    public boolean covers(QuestionType type, WorkerFacts w, EmployerFacts e, CourseFacts c, YearMonth month) {
        if (!activeIn(month)) {
            return false;
        }
        if (!questions.isEmpty() && !questions.contains(type)) {
            return false;
        }
        if (!regions.isEmpty() && !regions.contains(w.region())) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(w.status())) {
            return false;
        }
        if (w.age() < minAge || (maxAge > 0 && w.age() > maxAge)) {
            return false;
        }
        if (technicalOnly) {
            boolean technicalJob = e != null && e.technical();
            boolean shortageCourse = c != null && c.shortageOccupation();
            return technicalJob || shortageCourse;
        }
        return true;
    }

    /**
     * Why no question of a scenario can fall in this scope, from what the scenario holds, or null when some may.
     *
     * @param regions      the regions of the scenario's workers
     * @param statuses     the statuses its workers can have at some point (a laid-off worker claims WW, ...)
     * @param minAge       the youngest worker's age at the start
     * @param maxAge       the oldest worker's age at the end
     * @param technical    whether the scenario has technical employers or shortage-occupation courses
     * @param first        the first simulated month
     * @param last         the last simulated month
     */
    public String whyNoneCovered(Set<String> regions, Set<Status> statuses, int minAge, int maxAge, boolean technical,
            YearMonth first, YearMonth last) {
        if ((from != null && from.isAfter(last)) || (until != null && until.isBefore(first))) {
            return "its window (" + (from == null ? "..." : from) + " to " + (until == null ? "..." : until)
                    + ") lies outside the simulated months " + first + " to " + last;
        }
        if (!this.regions.isEmpty() && this.regions.stream().noneMatch(regions::contains)) {
            return "its scope is region " + String.join(", ", new java.util.TreeSet<>(this.regions))
                    + " and the scenario's workers are in region " + String.join(", ", new java.util.TreeSet<>(regions));
        }
        if (!this.statuses.isEmpty() && this.statuses.stream().noneMatch(statuses::contains)) {
            return "its scope is workers on " + new java.util.TreeSet<>(this.statuses) + " and no worker of the "
                    + "scenario is ever on those";
        }
        if ((this.maxAge > 0 && minAge > this.maxAge) || (this.minAge > 0 && maxAge < this.minAge)) {
            return "its ages (" + this.minAge + " to " + (this.maxAge == 0 ? "any" : this.maxAge)
                    + ") do not meet the scenario's (" + minAge + " to " + maxAge + ")";
        }
        if (technicalOnly && !technical) {
            return "it covers technical jobs and shortage-occupation courses only, and the scenario has neither";
        }
        return null;
    }

    public boolean capped() {
        return staffShare > 0 || budget > 0 || participants > 0;
    }

    /** The scope in words: questions, regions, statuses, ages, jobs, months. */
    public String describe() {
        return "questions " + (questions.isEmpty() ? "any" : questions)
                + ", regions " + (regions.isEmpty() ? "any" : regions)
                + ", statuses " + (statuses.isEmpty() ? "any" : statuses)
                + (technicalOnly ? ", technical jobs or shortage courses only" : "")
                + (minAge > 0 || maxAge > 0 ? ", ages " + minAge + "-" + (maxAge == 0 ? "" : maxAge) : "")
                + (cohort ? ", only the cohort a provider admits" : "")
                + ", months " + (from == null ? "..." : from) + " to " + (until == null ? "..." : until);
    }

    /** The caps in words ("none" when uncapped). */
    public String describeCaps() {
        java.util.List<String> caps = new java.util.ArrayList<>();
        if (staffShare > 0) {
            caps.add("at most " + Math.round(staffShare * 100) + " % of an employer's staff at once");
        }
        if (budget > 0) {
            caps.add(String.format(java.util.Locale.ROOT, "budget EUR %,.0f per replication", budget));
        }
        if (participants > 0) {
            caps.add("at most " + participants + " participants");
        }
        return caps.isEmpty() ? "none" : String.join("; ", caps);
    }
}
