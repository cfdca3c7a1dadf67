package nl.fieldlab.sandbox.rules;

/**
 * What a rule is: its id, where it is written, which legal source it encodes, and whether it belongs to the
 * baseline or to an exemption.
 *
 * @param id        the rule's name, unique over the library
 * @param file      file relative to the rules folder
 * @param line      line of the {@code rule} keyword
 * @param source    the legal source it encodes ({@code @source} metadata)
 * @param layer     {@code classification} or {@code decision}
 * @param exemption the exemption that adds it, or null for baseline rules
 */
public record RuleInfo(String id, String file, int line, String source, String layer, String exemption) {

    public boolean baseline() {
        return exemption == null;
    }
}
