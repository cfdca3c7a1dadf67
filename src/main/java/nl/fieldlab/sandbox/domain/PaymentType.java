package nl.fieldlab.sandbox.domain;

/** Kinds of money flows, grouped into the categories the metrics report. */
public enum PaymentType {
    WAGE(Category.WAGE),
    /** Employer's wage costs on top of gross wage (premiums, pension). */
    EMPLOYER_CHARGES(Category.WAGE),
    WW_BENEFIT(Category.BENEFIT),
    BIJSTAND_BENEFIT(Category.BENEFIT),
    WAJONG_BENEFIT(Category.BENEFIT),
    /** Wajong top-up under wage dispensation (loondispensatie) or a learning-work dispensation. */
    BENEFIT_TOP_UP(Category.BENEFIT),
    /** Sickness benefit (Ziektewet) UWV pays the employer under the no-risk policy (no-riskpolis). */
    SICKNESS_BENEFIT(Category.BENEFIT),
    /** Wage-cost subsidy (loonkostensubsidie, LKS). */
    WAGE_COST_SUBSIDY(Category.SUBSIDY),
    /** Wage-cost advantage (loonkostenvoordeel, LKV). */
    WAGE_COST_ADVANTAGE(Category.SUBSIDY),
    /** Bonus or payment per realised placement (outcome fund, jobs-agreement bonus). */
    PLACEMENT_BONUS(Category.SUBSIDY),
    /** Course fee or tuition (cursusgeld, lesgeld) or a private course price. */
    COURSE_FEE(Category.TRAINING),
    /** A grant towards training (O&O fund, SLIM, work-based-learning subsidy, learning account). */
    TRAINING_GRANT(Category.TRAINING),
    /** A levy (quota levy) or surcharge. */
    LEVY(Category.LEVY),
    /** Wage tax and national-insurance contributions (loonheffing) withheld from a wage or a benefit. */
    WAGE_TAX(Category.TAX),
    /** Employee-insurance premiums and the health-care levy an employer pays on wages (WW, WIA, Zvw). */
    EMPLOYER_PREMIUM(Category.TAX),
    /** Investors' pre-financing of an outcome-financed project: the provider's cost of coaching a participant. */
    PROJECT_FINANCE(Category.PROJECT),
    /**
     * The work of carrying out an instrument for a participant: case management, a wage-value assessment, a job
     * coach, the administration of a fund, an account, a loan or a grant, a cooperative's coordination; paid to
     * whoever does it (a contracted provider, or the body's own staff).
     */
    IMPLEMENTATION(Category.IMPLEMENTATION),
    /**
     * The statutory transition payment (transitievergoeding, BW 7:673) an employer owes a worker whose contract it
     * ends: paid once, when the contract ends, less the training costs it may be offset against.
     */
    TRANSITION_PAYMENT(Category.SEVERANCE),
    /** What a member firm pays the social cooperative for a placed member, beyond the employer cost it carries. */
    PLACEMENT_FEE(Category.WAGE);

    public enum Category { WAGE, BENEFIT, SUBSIDY, TRAINING, LEVY, TAX, PROJECT, IMPLEMENTATION, SEVERANCE }

    private final Category category;

    PaymentType(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
