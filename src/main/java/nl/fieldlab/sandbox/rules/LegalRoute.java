package nl.fieldlab.sandbox.rules;

import java.util.List;

/**
 * Who can grant an exemption and how: the first question a regional adviser asks. A route that needs The Hague (a
 * change of national law, an experiment by order in council) takes years; a provincial subsidy or a procurement
 * condition needs no exemption at all. An exemption whose parts need different instruments (E1's pause of the WW
 * clock needs a change of the WW, its longer courses only UWV's policy) names the route of the exemption as simulated
 * and lists the other parts with theirs.
 *
 * @param kind           the kind of legal instrument the exemption as simulated needs
 * @param who            the body that grants or decides it, with the article
 * @param leadTimeMonths a rough lead time in months, from the decision to try it to the first participant: low end
 * @param leadTimeMax    the same, high end
 * @param source         where the route is described (and what is unverified about it)
 * @param parts          parts of the exemption (or alternatives to it) that need another instrument; may be empty
 * @param area           the regions the deciding body's power covers (a province's labour-market regions), expanded;
 *                       empty when the route declares none
 */
public record LegalRoute(Kind kind, String who, int leadTimeMonths, int leadTimeMax, String source, List<Part> parts,
        java.util.Set<String> area) {

    /** The kinds of legal route, in the order of how far from the region the decision lies. */
    public enum Kind {
        /** The province funds it from its own budget: no exemption is needed. */
        PROVINCIAL_SUBSIDY("provincial subsidy, no exemption needed"),
        /** A contracting authority sets it as a condition in its own tenders. */
        PROCUREMENT_POLICY("procurement policy of the contracting authority, no exemption needed"),
        /** Public funders pool money under an agreement among themselves. */
        FUNDING_AGREEMENT("funding agreement among public bodies, no exemption needed"),
        /** A sector training fund (O&O-fonds) changes its own grant rules. */
        SECTOR_FUND_RULE("rule of a sector training fund"),
        /**
         * The parties to a collective labour agreement (cao) agree on it, such as an entry or learning scale above the
         * statutory minimum wage; the minister's declaration of general application (AVV) extends it to the sector.
         */
        COLLECTIVE_AGREEMENT("collective labour agreement (cao) of the social partners, no government exemption needed"),
        /** A municipality's own ordinance or policy rule (verordening, beleidsregel). */
        MUNICIPAL_ORDINANCE("municipal ordinance or policy rule"),
        /** UWV's policy rule within the room the law gives it (beleidsregel), possibly with the minister's consent. */
        UWV_POLICY_RULE("UWV policy rule"),
        /** A regulation of the minister (ministeriele regeling) under a power the law already gives. */
        MINISTERIAL_REGULATION("ministerial regulation under an existing statutory power"),
        /** An experiment under Participatiewet art. 83, set by order in council (AMvB). */
        EXPERIMENT_ART_83("experiment under Participatiewet art. 83 by order in council (AMvB)"),
        /** A change of national law by parliament. */
        NATIONAL_LAW("change of national law");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * A part of an exemption, or an alternative to its route, that needs another instrument.
     *
     * @param covers what part it is ("the pause of the WW clock (e1.ww-clock-pauses = 1)")
     */
    public record Part(String covers, Kind kind, String who, int leadTimeMonths, int leadTimeMax, String source) {

        /** "the pause of the WW clock: change of national law (SZW and parliament: WW art. 42-43), about 24-48 months". */
        public String text() {
            return covers + ": " + kind.words() + " (" + who + "), about " + lead(leadTimeMonths, leadTimeMax);
        }
    }

    public LegalRoute {
        parts = List.copyOf(parts);
        area = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(area));
    }

    public LegalRoute(Kind kind, String who, int leadTimeMonths, int leadTimeMax, String source, List<Part> parts) {
        this(kind, who, leadTimeMonths, leadTimeMax, source, parts, java.util.Set.of());
    }

    public LegalRoute(Kind kind, String who, int leadTimeMonths, int leadTimeMax, String source) {
        this(kind, who, leadTimeMonths, leadTimeMax, source, List.of());
    }

    /** "change of national law (SZW and parliament), about 24-48 months". */
    public String text() {
        return kind.words() + " (" + who + "), about " + leadTime();
    }

    /** "24-48 months". */
    public String leadTime() {
        return lead(leadTimeMonths, leadTimeMax);
    }

    private static String lead(int min, int max) {
        return (min == max ? String.valueOf(min) : min + "-" + max) + " months";
    }
}
