package nl.fieldlab.sandbox.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.Answer;

/**
 * Who pays whom in the shipped rule cases, which compare only the total of a payment type: an outcome fund is split
 * among its funders, a regional mirror of a national scheme is paid by the province, a social-return credit is paid
 * by nobody (it is not money), implementation work by the body that runs the instrument to whoever does it, and a
 * benefit recipient's part-time job brings the worker the labour credit back and its employer's premiums to UWV and
 * the treasury.
 */
class PayersTest {

    private static final Path CASES = Path.of("rules/cases");

    /** The answer to the shipped case named {@code name} in {@code file}. */
    private static Answer answer(String file, String name) {
        List<RuleCase> cases = RuleCaseLoader.load(CASES.resolve(file), CASES, TestRuns.library());
        RuleCase c = cases.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("update the test: no case '" + name + "' in " + file));
        RuleCaseRunner.Result r = new RuleCaseRunner(TestRuns.library()).run(c);
        assertNotNull(r.answer(), r.error());
        return r.answer();
    }

    /** What each payer pays to {@code payee} (any payee when null) of {@code type} in spell month {@code month}. */
    private static Map<Actor, Double> byPayer(Answer a, PaymentType type, Actor payee, int month) {
        Map<Actor, Double> out = new EnumMap<>(Actor.class);
        for (Answer.PaymentLine p : a.payments()) {
            if (p.type() == type && p.paidIn(month) && (payee == null || p.payee() == payee)) {
                out.merge(p.payer(), p.amount(), Double::sum);
            }
        }
        return out;
    }

    private static void assertPays(Map<Actor, Double> byPayer, Actor payer, double amount) {
        assertEquals(amount, byPayer.getOrDefault(payer, 0.0), 0.01, payer + " in " + byPayer);
    }

    @Test
    void theOutcomeFundsFundersEachPayTheirShareOfAnOutcomePayment() {
        Map<Actor, Double> paid = byPayer(answer("E8-outcome-fund.yaml",
                "E8 - a participant predicted at 80 % earns 10,285 in month 7 of the job"), PaymentType.PLACEMENT_BONUS,
                Actor.INVESTOR, 7);
        assertPays(paid, Actor.PROVINCE, 3428.33);
        assertPays(paid, Actor.MUNICIPALITY, 3428.33);
        assertPays(paid, Actor.UWV, 3428.33);
        assertPays(paid, Actor.OUTCOME_FUND, 0);
    }

    @Test
    void theProvincePaysTheLkvMirrorAboveTheNationalLkvTheStatePays() {
        Map<Actor, Double> raised = byPayer(answer("E9-fieldlab-wage-cost-advantage.yaml",
                "E9 - the jobs-agreement LKV is raised to 3.05/h in a technical job - the state pays 157.56, the province 318.24"),
                PaymentType.WAGE_COST_ADVANTAGE, Actor.EMPLOYER, 1);
        assertPays(raised, Actor.STATE, 157.56);
        assertPays(raised, Actor.PROVINCE, 318.24);

        Map<Actor, Double> olderWw = byPayer(answer("E9-fieldlab-wage-cost-advantage.yaml",
                "E9 - the same hire brings 475.80 a month, all from the province (no national LKV applies)"),
                PaymentType.WAGE_COST_ADVANTAGE, Actor.EMPLOYER, 1);
        assertPays(olderWw, Actor.PROVINCE, 475.80);
        assertPays(olderWw, Actor.STATE, 0);

        Map<Actor, Double> afterNational = byPayer(answer("E9-fieldlab-wage-cost-advantage.yaml",
                "E9 - then the province pays the mirror for its months after the national LKV ends (month 13)"),
                PaymentType.WAGE_COST_ADVANTAGE, Actor.EMPLOYER, 13);
        assertPays(afterNational, Actor.PROVINCE, 475.80);
        assertPays(afterNational, Actor.STATE, 0);
    }

    @Test
    void aSocialReturnCreditIsNotMoneyNobodyPaysItInAnyMonth() {
        // a 9-month course completes in month 10: inside the employer's first 12 months, which it weighs at hire
        Answer a = answer("E7-sroi-retraining-credit.yaml",
                "E7 - a 9-month certificate earns the credit but pays nothing on completion in month 10 (inside the employer's first 12 months)");
        assertEquals(5000, a.amount("sroi.credit", 0), 1e-9, "the credit is still granted");
        for (int month = 1; month <= 13; month++) {
            for (Answer.PaymentLine p : a.payments()) {
                assertTrue(!p.paidIn(month) || p.payee() != Actor.EMPLOYER,
                        "nobody pays the employer for the credit: " + p.type() + " from " + p.payer() + " in " + month);
            }
        }
    }

    @Test
    void theTreasuryReturnsTheSideJobsLabourCreditAndItsEmployerPaysThePremiums() {
        for (String name : List.of(
                "bijstand side job of 764.91 - 271.83 withheld, 63.33 labour credit back, 179.68 employer premiums",
                "a WW recipient's side job of 764.91 is taxed, credited and charged with premiums the same way")) {
            Answer a = answer("taxes-and-premiums.yaml", name);
            assertPays(byPayer(a, PaymentType.WAGE_TAX, Actor.WORKER, 1), Actor.STATE, 63.33);
            Map<Actor, Double> premiums = byPayer(a, PaymentType.EMPLOYER_PREMIUM, Actor.UWV, 1);
            assertPays(premiums, Actor.EMPLOYER, 133.02);
            assertPays(byPayer(a, PaymentType.EMPLOYER_PREMIUM, Actor.STATE, 1), Actor.EMPLOYER, 46.66);
        }
        // the worker pays the withholding on the side job (and, on WW, on the benefit) to the treasury
        assertPays(byPayer(answer("taxes-and-premiums.yaml",
                "bijstand side job of 764.91 - 271.83 withheld, 63.33 labour credit back, 179.68 employer premiums"),
                PaymentType.WAGE_TAX, Actor.STATE, 1), Actor.WORKER, 271.83);
        assertPays(byPayer(answer("taxes-and-premiums.yaml",
                "a WW recipient's side job of 764.91 is taxed, credited and charged with premiums the same way"),
                PaymentType.WAGE_TAX, Actor.STATE, 1), Actor.WORKER, 409.58 + 271.83);
    }

    @Test
    void theProvincialLearningCreditCostsTheProvinceItsGrantElementAndAdministration() {
        Answer a = answer("E10-provincial-learning-mirror.yaml",
                "E10 - a worker who pays the 3,500 and draws the credit for it - the province pays the grant element 490 and 300 administration");
        // due when the loan is drawn (the simulation books it for a worker who starts on the loan), not at the start
        int drawn = nl.fieldlab.sandbox.domain.Payment.LOAN_DRAWN;
        assertPays(byPayer(a, PaymentType.TRAINING_GRANT, Actor.WORKER, drawn), Actor.PROVINCE, 490);
        assertPays(byPayer(a, PaymentType.IMPLEMENTATION, Actor.PROVIDER, drawn), Actor.PROVINCE, 300);
        assertPays(byPayer(a, PaymentType.TRAINING_GRANT, Actor.WORKER, drawn), Actor.STATE, 0);
        assertPays(byPayer(a, PaymentType.TRAINING_GRANT, Actor.WORKER, 1), Actor.PROVINCE, 0);
        assertPays(byPayer(a, PaymentType.IMPLEMENTATION, Actor.PROVIDER, 1), Actor.PROVINCE, 0);
    }

    @Test
    void implementationWorkIsPaidByTheBodyThatRunsTheInstrument() {
        assertPays(byPayer(answer("implementation-costs.yaml",
                "an LKS job costs the municipality a wage-value assessment and a job coach in month 1"),
                PaymentType.IMPLEMENTATION, Actor.PROVIDER, 1), Actor.MUNICIPALITY, 1627.49);
        assertPays(byPayer(answer("implementation-costs.yaml",
                "a wage dispensation costs UWV a wage-value assessment and a job coach in month 1"),
                PaymentType.IMPLEMENTATION, Actor.PROVIDER, 1), Actor.UWV, 1627.49);
        Map<Actor, Double> ww = byPayer(answer("E4-cooperative-wage-subsidy.yaml",
                "E4 - a WW recipient of 52 qualifies (UWV pays)"), PaymentType.IMPLEMENTATION, Actor.PROVIDER, 1);
        assertPays(ww, Actor.UWV, 150);
        assertPays(ww, Actor.MUNICIPALITY, 0);
        Map<Actor, Double> grant = byPayer(answer("E9-fieldlab-wage-cost-advantage.yaml",
                "E9 - the province administers the mirror subsidy it grants (250 in month 1)"),
                PaymentType.IMPLEMENTATION, Actor.PROVIDER, 1);
        assertPays(grant, Actor.PROVINCE, 250);
        assertTrue(grant.keySet().stream().allMatch(p -> p == Actor.PROVINCE), grant.toString());
    }
}
