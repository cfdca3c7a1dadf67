package nl.fieldlab.sandbox.rules;

/**
 * Who can grant an exemption and how: the first question a regional adviser asks. A route that needs The Hague (a
 * change of national law, an experiment by order in council) takes years; a provincial subsidy or a procurement
 * condition needs no exemption at all.
 *
 * @param kind           the kind of legal instrument
 * @param who            the body that grants or decides it
 * @param leadTimeMonths a rough lead time in months, from the decision to try it to the first participant: low end
 * @param leadTimeMax    the same, high end
 * @param source         where the route is described (and what is unverified about it)
 */
public record LegalRoute(Kind kind, String who, int leadTimeMonths, int leadTimeMax, String source) {

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
        /** A municipality's own ordinance or policy rule (verordening, beleidsregel). */
        MUNICIPAL_ORDINANCE("municipal ordinance or policy rule"),
        /** UWV's policy rule within the room the law gives it (beleidsregel), possibly with the minister's consent. */
        UWV_POLICY_RULE("UWV policy rule"),
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

    /** "change of national law (SZW and parliament), about 24-48 months". */
    public String text() {
        return kind.words() + " (" + who + "), about " + leadTime();
    }

    /** "24-48 months". */
    public String leadTime() {
        return (leadTimeMonths == leadTimeMax ? String.valueOf(leadTimeMonths) : leadTimeMonths + "-" + leadTimeMax)
                + " months";
    }
}
