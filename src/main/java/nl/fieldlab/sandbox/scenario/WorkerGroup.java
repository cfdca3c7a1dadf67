package nl.fieldlab.sandbox.scenario;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;

/**
 * A group of similar workers. Distributions are shares that sum to 1; ranges are drawn uniformly.
 */
public record WorkerGroup(
        @JsonPropertyDescription("id used in reports")
        @JsonProperty(required = true) String group,
        @JsonPropertyDescription("number of workers")
        @Plausible(min = 0, max = ScenarioLoader.MAX_GROUP, message = "expected a count from 0 to 10,000,000",
                source = "ten times the largest province case (1,000,000 workers in -Xmx4g); memory is checked too")
        @JsonProperty(required = true) Integer count,
        @JsonPropertyDescription("status at the start")
        @JsonProperty(required = true) Status status,
        @JsonPropertyDescription("region code (defaults to the scenario's)")
        String region,
        @JsonPropertyDescription("age at the start")
        @Plausible(min = 15, max = 99, unit = "years", source = "from the school-leaving age; the state pension age "
                + "(rules parameter aow.age) is checked as well")
        @JsonProperty(required = true) Range age,
        @JsonPropertyDescription("shares by education level")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        @JsonProperty(required = true) Map<Education, Double> education,
        @JsonPropertyDescription("occupation field of experience")
        @JsonProperty(required = true) String field,
        @JsonPropertyDescription("shares by household type (default all single)")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        Map<Household, Double> household,
        @JsonPropertyDescription("wage value in percent (default 100)")
        @Plausible(min = 0, max = 100, unit = "percent", source = "a share of normal productivity (loonwaarde)")
        Range wageValue,
        @JsonPropertyDescription("WW daily wage in euro (WW and EMPLOYED groups)")
        @Plausible(min = 0, max = 2000, unit = "euro a day", source = "before the WW cap (290.67 euro in 2025): about "
                + "seven times the cap")
        Range dailyWage,
        @JsonPropertyDescription("years of work history")
        @Plausible(min = 0, max = 52, unit = "years", source = "a working life from 15 to the state pension age, 67")
        Range workHistoryYears,
        @JsonPropertyDescription("months unemployed (and on the benefit) at the start")
        @Plausible(min = 0, max = 600, unit = "months", source = "fifty years")
        Range monthsUnemployed,
        @JsonPropertyDescription("share whose household income and assets are below the bijstand limits (default 1)")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        Double meansTestShare,
        @JsonPropertyDescription("share with an occupational disability (default 0)")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        Double disabledShare,
        @JsonPropertyDescription("route into the jobs-agreement register, if any (default NONE)")
        String background,
        @JsonPropertyDescription("EMPLOYED groups: monthly probability of losing the job (declining occupation)")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        Double layoffRate,
        @JsonPropertyDescription("share of the single parents with a child under five (default 0); no rule reads it "
                + "now: a child under five is under 12 too, so it is the least childUnder12Share can be and its default")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        Double youngChildShare,
        @JsonPropertyDescription("share who received sickness or disability benefit before this spell out of work (default "
                + "0; UWV's trial placement waives the WW waiting months for them)")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        Double illnessBenefitBeforeShare,
        @JsonPropertyDescription("share of the single parents with full care of a child under 12, who may keep part of "
                + "their earnings beside bijstand for longer (Participatiewet art. 31 lid 2 onder r; default "
                + "youngChildShare, else 0)")
        @Plausible(min = 0, max = 1, message = "expected a share from 0 to 1, got {value}", source = "a share")
        Double childUnder12Share,
        @JsonPropertyDescription("who pays the group's course fees: DEFAULT (whoever pays for the worker's status under "
                + "today's law: own employer when in work, the worker on WW or without a benefit, the municipality for "
                + "bijstand, UWV for Wajong), WORKER, OWN_EMPLOYER, PROSPECTIVE_EMPLOYER, SECTOR_FUND, MUNICIPALITY, "
                + "PROVINCE or UWV; the rules book the fee from it only where the law lets that payer pay, else as DEFAULT")
        CoursePayer coursePayer,
        @JsonPropertyDescription("WW, BIJSTAND, WAJONG or NONE groups: new entrants a month over the whole run "
                + "(default 0: a closed group). They arrive evenly (each month the whole part of the rate, the "
                + "fraction carried over), start their spell out of work in the month they enter and draw their other "
                + "attributes as the group's stock does")
        @Plausible(min = 0, max = 100_000, unit = "people a month", source = "about four times the national WW "
                + "inflow (25,400 a month in 2019, CBS StatLine 82316NED)")
        Double inflowPerMonth,
        @JsonPropertyDescription("occupation id of the scenario's skills taxonomy: the group has its essential skills "
                + "(needs skills.taxonomy)")
        String occupation) {

    /**
     * The share of single parents with a child under 12: as given, else the share with a child under five (a lower
     * bound, so that a scenario written before the field existed keeps its meaning as nearly as it can), else 0.
     */
    public double childUnder12ShareOrDefault() {
        return childUnder12Share != null ? childUnder12Share : youngChildShare != null ? youngChildShare : 0;
    }

    /** New entrants a month (0 for a closed group). */
    public double inflow() {
        return inflowPerMonth == null ? 0 : inflowPerMonth;
    }

    /**
     * The group's entrants in month {@code m} of a run: the whole part of the rate each month, the fraction carried
     * over, so that a run of {@code months} has {@code floor(months x rate)} of them whatever the seed.
     */
    public int entrantsIn(int m) {
        double r = inflow();
        return (int) (Math.floor((m + 1) * r + 1e-9) - Math.floor(m * r + 1e-9));
    }

    /** The group's entrants over the first {@code months} months. */
    public int entrants(int months) {
        return (int) Math.floor(months * inflow() + 1e-9);
    }

}
