package nl.fieldlab.sandbox.scenario;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What employers judge a candidate on in one variant: the diploma (field and education level, today's proxy) or a
 * skills passport (the candidate's skills against the job's essential skills).
 */
public record HiringSpec(
        @JsonPropertyDescription("DIPLOMA (default: employers see field and education level) or SKILLS (employers "
                + "that adopt it, a share skills.adoption-share of them, see a skills passport; needs skills.taxonomy)")
        Signal signal,
        @JsonPropertyDescription("the employer groups that may hire on skills (default all)") List<String> employers) {

    public enum Signal {
        /** Field and education level, as every employer judges today. */
        DIPLOMA,
        /** The candidate's essential skills against the job's, seen exactly (a passport). */
        SKILLS
    }

    public static final HiringSpec DIPLOMA = new HiringSpec(Signal.DIPLOMA, null);

    public HiringSpec {
        signal = signal == null ? Signal.DIPLOMA : signal;
        employers = employers == null ? null : List.copyOf(employers);
    }

    /** Whether employers of {@code group} may hire on skills in this variant. */
    public boolean onSkills(String group) {
        return signal == Signal.SKILLS && (employers == null || employers.contains(group));
    }
}
