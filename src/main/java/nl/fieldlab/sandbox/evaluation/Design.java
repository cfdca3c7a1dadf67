package nl.fieldlab.sandbox.evaluation;

/** The ways a pilot of an exemption can assign who gets it, as {@code rules/evaluation/designs.yaml} names them. */
public enum Design {
    /** Individuals drawn by lot at intake. */
    LOTTERY,
    /** Whole employers drawn, their hires from the scope offered the exemption. */
    EMPLOYER,
    /** Municipalities cross over to the exemption in a drawn order. */
    STEPPED_WEDGE,
    /** The region with the exemption against comparison regions, before and after. */
    DID,
    /** People just above an age limit against those just below it. */
    RD_AGE
}
