package nl.fieldlab.sandbox.domain;

/** Who pays or receives money: the parties of the cost ledger. */
public enum Actor {
    WORKER(false),
    EMPLOYER(false),
    /** Employee insurance agency (UWV): WW, Wajong, trial placements, no-risk policy. */
    UWV(true),
    /** Municipality: bijstand, wage-cost subsidy, re-integration. */
    MUNICIPALITY(true),
    /** Tax authority (Belastingdienst) on behalf of the state: wage-cost advantages, national schemes. */
    STATE(true),
    /** The province: fieldlab funds, regional mirror schemes. */
    PROVINCE(true),
    /** A pooled outcome fund (province, municipalities, UWV). */
    OUTCOME_FUND(true),
    /** A sector training fund (O&O-fonds). */
    TRAINING_FUND(false),
    /**
     * A school or course provider, the provider of an outcome-financed coaching project, or whoever carries out an
     * instrument (a wage-value assessor, a job coach, a fund or loan administrator, a body's own staff).
     */
    PROVIDER(false),
    /** Private investors who pre-finance an outcome-financed project (social impact bond) and receive its outcome
     *  payments. */
    INVESTOR(false),
    /**
     * A social cooperative as the employer of its members (pooled employership, support P5): it pays their wage, is
     * paid a fee by the member firm that hosts them, and carries them between placements. Not a public body: its
     * deficit shows as net.COOPERATIVE.
     */
    COOPERATIVE(false);

    private final boolean publicBody;

    Actor(boolean publicBody) {
        this.publicBody = publicBody;
    }

    /** Whether money this actor pays counts as public cost. */
    public boolean isPublic() {
        return publicBody;
    }
}
