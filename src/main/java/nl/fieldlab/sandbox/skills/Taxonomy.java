package nl.fieldlab.sandbox.skills;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * A skills taxonomy built into the tool: occupations with their essential skills and knowledge, copied from a
 * published classification (ESCO), with its source and version. The format is the classification's, not ESCO's own:
 * a CompetentNL file could sit beside it.
 */
public final class Taxonomy {

    /** The taxonomies shipped in the jar, by id. */
    public static final List<String> SHIPPED = List.of("esco-1.2.0-technical");
    /** Every URI of a copied entry starts so (ESCO's namespace). */
    public static final String ESCO_PREFIX = "http://data.europa.eu/esco/";

    private static final Map<String, Taxonomy> LOADED = new ConcurrentHashMap<>();

    /**
     * A skill or knowledge concept.
     *
     * @param uri   the classification's URI, or null where no stored file gave it (the file's uriFrom says)
     * @param reuse ESCO's reuse level (cross-sector, sector-specific, occupation-specific, transversal), or null
     */
    public record Skill(int index, String id, String label, String type, String uri, String reuse) {
    }

    /**
     * An occupation: its essential skills and whether the classification marks it as a regulated profession.
     *
     * @param regulated a licence is required by law: a skills passport cannot replace it
     */
    public record Occupation(String id, String uri, String isco, String label, boolean regulated,
            SkillSet essential) {
    }

    record Header(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
            @JsonProperty(required = true) String version, String released,
            @JsonProperty(required = true) @FreeText String source,
            @JsonProperty(required = true) @FreeText String licence, @FreeText String subset) {
    }

    record SkillEntry(@JsonProperty(required = true) String id, @JsonProperty(required = true) String label,
            @JsonProperty(required = true) String type, String uri, String reuse, @FreeText String uriFrom) {
    }

    record OccupationEntry(@JsonProperty(required = true) String id, @JsonProperty(required = true) String uri,
            String isco, String code, @JsonProperty(required = true) String label, Boolean regulated,
            @JsonProperty(required = true) List<String> essential) {
    }

    record File(@JsonProperty(required = true) Header taxonomy, @JsonProperty(required = true) List<SkillEntry> skills,
            @JsonProperty(required = true) List<OccupationEntry> occupations) {
    }

    /** A shipped taxonomy by id; a missing or broken one is a bug in the build. */
    public static Taxonomy shipped(String id) {
        if (!SHIPPED.contains(id)) {
            throw new IllegalArgumentException("no shipped taxonomy " + id);
        }
        return LOADED.computeIfAbsent(id, k -> parse(Path.of(k + ".yaml"),
                YamlFile.resourceText(Taxonomy.class, k + ".yaml")));
    }

    /**
     * Reads a taxonomy file; every problem names the file, the line and the field (an id used twice, an essential
     * skill that is not listed, a URI outside ESCO's namespace).
     */
    public static Taxonomy parse(Path name, String text) {
        YamlFile yaml = YamlFile.parse(name, text);
        File f = yaml.read(File.class);
        Map<String, Skill> skills = new LinkedHashMap<>();
        for (int i = 0; i < f.skills().size(); i++) {
            SkillEntry s = f.skills().get(i);
            String at = "skills[" + i + "]";
            yaml.check(s.type().equals("knowledge") || s.type().equals("skill"), at + ".type",
                    "expected knowledge or skill, got " + PlainText.quote(s.type()));
            yaml.check(s.uri() == null || s.uri().startsWith(ESCO_PREFIX + "skill/"), at + ".uri",
                    "expected a URI starting " + ESCO_PREFIX + "skill/");
            if (yaml.check(!skills.containsKey(s.id()), at + ".id", "skill id " + PlainText.quote(s.id())
                    + " is used twice")) {
                skills.put(s.id(), new Skill(skills.size(), s.id(), s.label(), s.type(), s.uri(), s.reuse()));
            }
        }
        Taxonomy partial = new Taxonomy(f.taxonomy(), skills);
        Map<String, Occupation> occupations = new LinkedHashMap<>();
        for (int i = 0; i < f.occupations().size(); i++) {
            OccupationEntry o = f.occupations().get(i);
            String at = "occupations[" + i + "]";
            yaml.check(o.uri().startsWith(ESCO_PREFIX + "occupation/"), at + ".uri",
                    "expected a URI starting " + ESCO_PREFIX + "occupation/");
            BitSet bits = new BitSet();
            for (int j = 0; j < o.essential().size(); j++) {
                Skill s = skills.get(o.essential().get(j));
                if (yaml.check(s != null, at + ".essential[" + j + "]", PlainText.quote(o.essential().get(j))
                        + " is not a listed skill")) {
                    bits.set(s.index());
                }
            }
            yaml.check(!bits.isEmpty(), at + ".essential", "expected at least one essential skill");
            if (yaml.check(!occupations.containsKey(o.id()), at + ".id", "occupation id " + PlainText.quote(o.id())
                    + " is used twice")) {
                occupations.put(o.id(), new Occupation(o.id(), o.uri(), o.isco(), o.label(),
                        Boolean.TRUE.equals(o.regulated()), new SkillSet(partial, bits)));
            }
        }
        yaml.done();
        partial.occupations.putAll(occupations);
        return partial;
    }

    private final Header header;
    private final Map<String, Skill> skills;
    private final List<Skill> byIndex;
    // filled once while the file is read, never changed after parse returns
    private final Map<String, Occupation> occupations = new LinkedHashMap<>();

    private Taxonomy(Header header, Map<String, Skill> skills) {
        this.header = header;
        this.skills = Collections.unmodifiableMap(new LinkedHashMap<>(skills));
        this.byIndex = List.copyOf(skills.values());
    }

    /** The id a scenario names under {@code skills.taxonomy}. */
    public String id() {
        return header.id();
    }

    /** The classification and its version, e.g. "ESCO 1.2.0". */
    public String title() {
        return header.name() + " " + header.version();
    }

    public String version() {
        return header.version();
    }

    /** Where the entries were copied from. */
    public String source() {
        return header.source();
    }

    /** The terms of reuse. */
    public String licence() {
        return header.licence();
    }

    /** The skills by local id, in the file's order. */
    public Map<String, Skill> skills() {
        return skills;
    }

    /** The occupations by local id, in the file's order. */
    public Map<String, Occupation> occupations() {
        return Collections.unmodifiableMap(occupations);
    }

    /** The set of the skills with these ids (each must be listed). */
    public SkillSet skillsOf(List<String> ids) {
        BitSet bits = new BitSet();
        for (String id : ids) {
            Skill s = skills.get(id);
            if (s == null) {
                throw new IllegalArgumentException(id + " is not a skill of " + id());
            }
            bits.set(s.index());
        }
        return new SkillSet(this, bits);
    }

    Skill skillAt(int i) {
        return byIndex.get(i);
    }
}
