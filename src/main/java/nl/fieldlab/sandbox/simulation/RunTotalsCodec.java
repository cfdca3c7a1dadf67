package nl.fieldlab.sandbox.simulation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.domain.QuestionType;

/**
 * A run's totals as plain numbers and texts, and back: how totals cross the network to a cluster client without
 * Java serialisation, which would let whoever sends them make the reader build any class it names. Reading checks
 * every count against the bytes left and the run's shape (months, workers, groups), so bytes from elsewhere cannot
 * make it allocate more than they hold or index past the scenario; a field that does not fit is named in an
 * {@link IOException}. Writing the same totals always gives the same bytes, so two runs compare by their bytes.
 */
public final class RunTotalsCodec {

    /** Changes when the layout does: a member and a client with different layouts refuse each other's bytes. */
    private static final int LAYOUT = 10;

    /**
     * What the totals of one run of a scenario must look like.
     *
     * @param months  months simulated
     * @param workers workers in each replication's population
     * @param groups  the scenario's worker groups, in order
     */
    public record Shape(int months, int workers, List<String> groups) {
        public static Shape of(nl.fieldlab.sandbox.scenario.Scenario s) {
            return new Shape(s.months(), s.workerCount(), s.workers().stream().map(g -> g.group()).toList());
        }
    }

    private RunTotalsCodec() {
    }

    public static byte[] encode(RunTotals t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 24 * t.placedAt.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(LAYOUT);
            out.writeInt(t.placementsByMonth.length);
            out.writeInt(t.placedAt.length);
            writeStrings(out, t.scenarioGroups);
            for (int v : new int[] {t.seekers, t.placements, t.employedAtHorizon, t.retentionEligible, t.retained6m,
                    t.trialsStarted, t.trialsConverted, t.trialsExtended, t.coursesStarted, t.coursesOverFunded,
                    t.retirements, t.coursesCompleted, t.vacanciesFilled, t.vacanciesFilledExternally,
                    t.vacanciesUnfilled, t.workToWork, t.coached, t.apprenticeships, t.apprenticeshipsCompleted,
                    t.workersWithSideJob, t.hires, t.wwCohort, t.wwPlaced12, t.ww50Cohort, t.ww50Placed12,
                    t.wwTechCohort, t.wwTechPlaced12, t.bijstandCohort, t.bijstandLeft12, t.bijstandPlaced12, t.outcomeSuccesses,
                    t.apprenticeshipsEnded, t.entrants, t.subsidisedHires[0], t.subsidisedHires[1],
                    t.subsidisedHires[2], t.subsidisedHires[3], t.trialsDisplacedOutsiders, t.trialsDisplacedInsiders,
                    t.retentionEligible12, t.retained12m, t.retentionEligible18, t.retained18m,
                    t.trialRetentionEligible, t.trialRetained12m, t.trialsEnded, t.wwTrialsStarted, t.wwExitsToWork,
                    t.bblGraduatesFollowed, t.bblGraduatesInWork, t.vacanciesReopened, t.dismissalsAnnounced,
                    t.layoffs, t.movedInNotice, t.secondments, t.secondmentsHired, t.w2wCourseStarts,
                    t.atRiskMonthsOutOfWork}) {
                out.writeInt(v);
            }
            for (long v : new long[] {t.monthsToPlacement, t.vacancyMonthsOpen, t.sideJobMonths, t.monthsInWork,
                    t.monthsInCourse, t.monthsOnTrial, t.fiscalMonthsOutOfWork, t.fiscalMonthsInWork}) {
                out.writeLong(v);
            }
            for (double v : new double[] {t.sroiCredits, t.outputValue, t.discountRate, t.outcomeUnits,
                    t.outcomeExpectedUnits, t.fiscalCostOutOfWork, t.fiscalCostInWork, t.transitionOffset}) {
                out.writeDouble(v);
            }
            writeDoubles(out, t.publicCostByMonth);
            writeInts(out, t.employedAtYearEnd);
            writeLongs(out, t.seekerMonthsByYear);
            writeInts(out, t.placementsByMonth);
            writeInts(out, t.employedByMonth);
            writeInts(out, t.placedAt);
            writeDoubles(out, t.subsidyPaid);
            writeDoubles(out, t.ledger);
            writeArrays(out, t.reach);
            writeArrays(out, t.pilot);
            writeArrays(out, t.pilotHires);
            writeGroups(out, t.groups);
            writeGroups(out, t.otherGroups);
            out.writeInt(t.deadweight.size());
            for (Map.Entry<String, Double> e : t.deadweight.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
            out.writeInt(t.blocked.size());
            for (Map.Entry<String, Integer> e : t.blocked.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
            }
            writeArrays(out, t.exemptionPaid);
            writeArrays(out, t.subsidisedHiresByExemption);
            out.writeInt(t.takeUp.schemes().size());
            for (Map.Entry<String, TakeUpTally.Scheme> e : t.takeUp.schemes().entrySet()) {
                TakeUpTally.Scheme s = e.getValue();
                out.writeUTF(e.getKey());
                for (long v : new long[] {s.entitled, s.claimed, s.unaware, s.notWorthIt}) {
                    out.writeLong(v);
                }
                out.writeDouble(s.paid);
                out.writeDouble(s.unclaimed);
            }
            out.writeInt(t.supportParticipants.size());
            for (Map.Entry<String, Integer> e : t.supportParticipants.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
                out.writeDouble(t.supportCost.getOrDefault(e.getKey(), 0.0));
            }
            writeCohorts(out, t.exitToWork12);
            writeCohorts(out, t.courseTakeUp);
            writeArrays(out, t.destinations);
            writeDoubles(out, t.income);
            out.writeInt(t.changedAnswers.size());
            for (ChangedAnswer c : t.changedAnswers) {
                writeChange(out, c);
            }
            // skills (appended): hires below the required education, skill hires, their distances, skills courses
            out.writeInt(t.hiresBelowRequiredEducation);
            out.writeBoolean(t.skillsScenario);
            out.writeInt(t.skillHires);
            out.writeDouble(t.skillDistanceAtHire);
            out.writeInt(t.skillsCoursesCompleted);
            out.writeInt(t.supportCounts.size());
            for (Map.Entry<String, Double> e : t.supportCounts.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** The totals {@link #encode} wrote, checked against the run's {@code shape}. */
    public static RunTotals decode(byte[] bytes, Shape shape) throws IOException {
        Reader in = new Reader(bytes);
        try {
            if (in.readInt() != LAYOUT) {
                throw new IOException("layout: another version of the tool wrote these totals");
            }
            int months = in.readInt();
            int workers = in.readInt();
            List<String> groups = in.strings("groups");
            if (months != shape.months() || workers != shape.workers() || !groups.equals(shape.groups())) {
                throw new IOException("shape: " + months + " months, " + workers + " workers and " + groups.size()
                        + " groups, where the scenario has " + shape.months() + ", " + shape.workers() + " and "
                        + shape.groups().size());
            }
            // the kind of list the simulator passes (Stream.toList), so that the totals equal a local run's in every way
            RunTotals t = new RunTotals(months, groups.stream().toList(), workers, List.of());
            int[] i = new int[58];
            for (int k = 0; k < i.length; k++) {
                i[k] = in.readInt();
            }
            t.seekers = i[0];
            t.placements = i[1];
            t.employedAtHorizon = i[2];
            t.retentionEligible = i[3];
            t.retained6m = i[4];
            t.trialsStarted = i[5];
            t.trialsConverted = i[6];
            t.trialsExtended = i[7];
            t.coursesStarted = i[8];
            t.coursesOverFunded = i[9];
            t.retirements = i[10];
            t.coursesCompleted = i[11];
            t.vacanciesFilled = i[12];
            t.vacanciesFilledExternally = i[13];
            t.vacanciesUnfilled = i[14];
            t.workToWork = i[15];
            t.coached = i[16];
            t.apprenticeships = i[17];
            t.apprenticeshipsCompleted = i[18];
            t.workersWithSideJob = i[19];
            t.hires = i[20];
            t.wwCohort = i[21];
            t.wwPlaced12 = i[22];
            t.ww50Cohort = i[23];
            t.ww50Placed12 = i[24];
            t.wwTechCohort = i[25];
            t.wwTechPlaced12 = i[26];
            t.bijstandCohort = i[27];
            t.bijstandLeft12 = i[28];
            t.bijstandPlaced12 = i[29];
            t.outcomeSuccesses = i[30];
            t.apprenticeshipsEnded = i[31];
            t.entrants = i[32];
            System.arraycopy(i, 33, t.subsidisedHires, 0, t.subsidisedHires.length);
            t.trialsDisplacedOutsiders = i[37];
            t.trialsDisplacedInsiders = i[38];
            t.retentionEligible12 = i[39];
            t.retained12m = i[40];
            t.retentionEligible18 = i[41];
            t.retained18m = i[42];
            t.trialRetentionEligible = i[43];
            t.trialRetained12m = i[44];
            t.trialsEnded = i[45];
            t.wwTrialsStarted = i[46];
            t.wwExitsToWork = i[47];
            t.bblGraduatesFollowed = i[48];
            t.bblGraduatesInWork = i[49];
            t.vacanciesReopened = i[50];
            t.dismissalsAnnounced = i[51];
            t.layoffs = i[52];
            t.movedInNotice = i[53];
            t.secondments = i[54];
            t.secondmentsHired = i[55];
            t.w2wCourseStarts = i[56];
            t.atRiskMonthsOutOfWork = i[57];
            t.monthsToPlacement = in.readLong();
            t.vacancyMonthsOpen = in.readLong();
            t.sideJobMonths = in.readLong();
            t.monthsInWork = in.readLong();
            t.monthsInCourse = in.readLong();
            t.monthsOnTrial = in.readLong();
            t.fiscalMonthsOutOfWork = in.readLong();
            t.fiscalMonthsInWork = in.readLong();
            if (t.fiscalMonthsOutOfWork < 0 || t.fiscalMonthsInWork < 0) {
                throw new IOException("fiscal window: a negative count of months");
            }
            t.sroiCredits = in.readDouble();
            t.outputValue = in.readDouble();
            t.discountRate = in.readDouble();
            t.outcomeUnits = in.readDouble();
            t.outcomeExpectedUnits = in.readDouble();
            t.fiscalCostOutOfWork = in.readDouble();
            t.fiscalCostInWork = in.readDouble();
            t.transitionOffset = in.readDouble();
            in.doubles("publicCostByMonth", t.publicCostByMonth);
            in.ints("employedAtYearEnd", t.employedAtYearEnd);
            in.longs("seekerMonthsByYear", t.seekerMonthsByYear);
            in.ints("placementsByMonth", t.placementsByMonth);
            in.ints("employedByMonth", t.employedByMonth);
            in.ints("placedAt", t.placedAt);
            in.doubles("subsidyPaid", t.subsidyPaid);
            in.doubles("ledger", t.ledger);
            in.arrays("reach", t.reach, -1);
            in.arrays("pilot", t.pilot, PilotOutcomes.LENGTH);
            in.arrays("pilotHires", t.pilotHires, -1);
            in.groups("groups", t.groups);
            in.groups("otherGroups", t.otherGroups);
            int n = in.count("deadweight", 10);
            for (int k = 0; k < n; k++) {
                t.deadweight.put(in.readUTF(), in.readDouble());
            }
            n = in.count("blocked", 6);
            for (int k = 0; k < n; k++) {
                t.blocked.put(in.readUTF(), in.readInt());
            }
            in.arrays("exemptionPaid", t.exemptionPaid, workers);
            in.arrays("subsidisedHiresByExemption", t.subsidisedHiresByExemption, t.subsidisedHires.length);
            n = in.count("takeUp", 50);
            for (int k = 0; k < n; k++) {
                String scheme = in.readUTF();
                long entitled = in.readLong();
                long claimed = in.readLong();
                long unaware = in.readLong();
                long notWorthIt = in.readLong();
                if (entitled < 0 || claimed < 0 || unaware < 0 || notWorthIt < 0
                        || claimed + unaware + notWorthIt != entitled) {
                    throw new IOException("takeUp." + scheme + ": the claimed, unaware and not-worth-it cases do not "
                            + "add up to the cases granted");
                }
                t.takeUp.restore(scheme, entitled, claimed, unaware, notWorthIt, in.readDouble(), in.readDouble());
            }
            n = in.count("supports", 14);
            for (int k = 0; k < n; k++) {
                String id = in.readUTF();
                int participants = in.readInt();
                double cost = in.readDouble();
                if (participants < 0 || !(cost >= 0)) {
                    throw new IOException("supports." + id + ": " + participants + " participants costing " + cost);
                }
                t.supportParticipants.put(id, participants);
                t.supportCost.put(id, cost);
            }
            in.cohorts("exitToWork12", t.exitToWork12, workers);
            in.cohorts("courseTakeUp", t.courseTakeUp, workers);
            in.arrays("destinations", t.destinations, 2);
            in.doubles("income", t.income);
            n = in.count("changedAnswers", 40);
            for (int k = 0; k < n; k++) {
                t.changedAnswers.add(in.change(workers, groups.size()));
            }
            t.hiresBelowRequiredEducation = in.readInt();
            t.skillsScenario = in.readBoolean();
            t.skillHires = in.readInt();
            t.skillDistanceAtHire = in.readDouble();
            t.skillsCoursesCompleted = in.readInt();
            if (t.hiresBelowRequiredEducation < 0 || t.skillHires < 0 || t.skillsCoursesCompleted < 0
                    || !(t.skillDistanceAtHire >= 0 && t.skillDistanceAtHire <= t.skillHires)) {
                throw new IOException("skills: " + t.hiresBelowRequiredEducation + " hires below the required "
                        + "education, " + t.skillHires + " skill hires at a distance of " + t.skillDistanceAtHire
                        + ", " + t.skillsCoursesCompleted + " skills courses");
            }
            n = in.count("supportCounts", 10);
            for (int k = 0; k < n; k++) {
                String key = in.readUTF();
                double v = in.readDouble();
                if (!(v >= 0)) {
                    throw new IOException("support." + key + ": " + v);
                }
                t.supportCounts.put(key, v);
            }
            if (in.available() != 0) {
                throw new IOException("end: " + in.available() + " bytes after the totals");
            }
            return t;
        } catch (java.io.EOFException e) {
            throw new IOException("end: the totals stop short");
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static void writeNullable(DataOutputStream out, String v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeUTF(v);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static void writeArrays(DataOutputStream out, Map<String, double[]> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, double[]> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            writeDoubles(out, e.getValue());
        }
    }

    /** A map of cohort counts: per key, the workers in it and how many of them did the thing counted. */
    private static void writeCohorts(DataOutputStream out, Map<String, int[]> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, int[]> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue()[0]);
            out.writeInt(e.getValue()[1]);
        }
    }

    private static void writeGroups(DataOutputStream out, Map<String, RunTotals.GroupCounts> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, RunTotals.GroupCounts> e : map.entrySet()) {
            RunTotals.GroupCounts g = e.getValue();
            out.writeUTF(e.getKey());
            out.writeInt(g.seekers);
            out.writeInt(g.placed);
            out.writeLong(g.monthsToPlacement);
            out.writeInt(g.workers);
            out.writeDouble(g.publicCost);
        }
    }

    private static void writeChange(DataOutputStream out, ChangedAnswer c) throws IOException {
        out.writeInt(c.worker());
        out.writeInt(c.group());
        out.writeUTF(c.exemption());
        out.writeInt(c.month().getYear());
        out.writeInt(c.month().getMonthValue());
        out.writeInt(c.type().ordinal());
        writeNullable(out, c.baseBlockedBy());
        writeNullable(out, c.blockedBy());
        writeStrings(out, c.onlyHere());
        writeStrings(out, c.onlyInBase());
        writeStrings(out, c.terms());
        out.writeInt(c.basePlaced());
        out.writeInt(c.placed());
    }

    /** Reads what {@link #encode} wrote, refusing a count that the bytes left cannot hold. */
    private static final class Reader extends DataInputStream {

        Reader(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        /** A count of entries of at least {@code minBytes} each. */
        int count(String field, int minBytes) throws IOException {
            int n = readInt();
            if (n < 0 || (long) n * minBytes > available()) {
                throw new IOException(field + ": " + n + " entries cannot fit in the " + available() + " bytes left");
            }
            return n;
        }

        /** A length that must equal {@code expected} (the run's shape), unless that is -1. */
        private int length(String field, int expected, int elementBytes) throws IOException {
            int n = count(field, elementBytes);
            if (expected >= 0 && n != expected) {
                throw new IOException(field + ": " + n + " values where the run has " + expected);
            }
            return n;
        }

        void ints(String field, int[] into) throws IOException {
            length(field, into.length, 4);
            for (int k = 0; k < into.length; k++) {
                into[k] = readInt();
            }
        }

        void longs(String field, long[] into) throws IOException {
            length(field, into.length, 8);
            for (int k = 0; k < into.length; k++) {
                into[k] = readLong();
            }
        }

        void doubles(String field, double[] into) throws IOException {
            length(field, into.length, 8);
            for (int k = 0; k < into.length; k++) {
                into[k] = readDouble();
            }
        }

        double[] doubles(String field, int expected) throws IOException {
            double[] out = new double[length(field, expected, 8)];
            for (int k = 0; k < out.length; k++) {
                out[k] = readDouble();
            }
            return out;
        }

        List<String> strings(String field) throws IOException {
            int n = count(field, 2);
            List<String> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(readUTF());
            }
            return List.copyOf(out);
        }

        String nullable() throws IOException {
            return readBoolean() ? readUTF() : null;
        }

        void arrays(String field, Map<String, double[]> into, int length) throws IOException {
            int n = count(field, 6);
            for (int k = 0; k < n; k++) {
                String key = readUTF();
                into.put(key, doubles(field + "." + key, length));
            }
        }

        void cohorts(String field, Map<String, int[]> into, int workers) throws IOException {
            int n = count(field, 10);
            for (int k = 0; k < n; k++) {
                String key = readUTF();
                int cohort = readInt();
                int counted = readInt();
                if (cohort < 0 || counted < 0 || counted > cohort || cohort > workers) {
                    throw new IOException(field + "." + key + ": " + counted + " of " + cohort + " in a run of "
                            + workers + " workers");
                }
                into.put(key, new int[] {cohort, counted});
            }
        }

        void groups(String field, Map<String, RunTotals.GroupCounts> into) throws IOException {
            into.clear();
            int n = count(field, 30);
            for (int k = 0; k < n; k++) {
                String key = readUTF();
                RunTotals.GroupCounts g = new RunTotals.GroupCounts();
                g.seekers = readInt();
                g.placed = readInt();
                g.monthsToPlacement = readLong();
                g.workers = readInt();
                g.publicCost = readDouble();
                into.put(key, g);
            }
        }

        ChangedAnswer change(int workers, int groups) throws IOException {
            int worker = readInt();
            int group = readInt();
            if (worker < 0 || worker >= workers || group < 0 || group >= groups) {
                throw new IOException("changedAnswers: worker " + worker + " of group " + group + " is not in the run");
            }
            String exemption = readUTF();
            YearMonth month;
            try {
                month = YearMonth.of(readInt(), readInt());
            } catch (DateTimeException e) {
                throw new IOException("changedAnswers: not a month");
            }
            int type = readInt();
            if (type < 0 || type >= QuestionType.values().length) {
                throw new IOException("changedAnswers: question type " + type + " does not exist");
            }
            return new ChangedAnswer(worker, group, exemption, month, QuestionType.values()[type], nullable(),
                    nullable(), strings("onlyHere"), strings("onlyInBase"), strings("terms"), readInt(), readInt());
        }
    }
}
