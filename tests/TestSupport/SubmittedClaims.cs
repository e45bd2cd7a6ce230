using System.Globalization;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Households;

namespace CaseManager.TestSupport;

public static class SubmittedClaims
{
    /// <summary>
    /// A submitted results claim of <paramref name="outcome"/> for one family at <paramref name="at"/>, written straight
    /// to the database (in window <paramref name="window"/>, or the month of <paramref name="at"/>) as a claim that went through preparation, validation and submission would have left it (the
    /// line, its decision and the ledger rows), for tests of what reads submitted claims.
    /// </summary>
    public static async Task ClaimedAsync(
        this CaseManagerFactory factory, CaseId caseId, HouseholdId household, DateOnly attachedOn, ClaimOutcome outcome, DateTimeOffset at,
        string? window = null, string officerEmail = DemoUsers.ClaimsOfficer, string auditorEmail = DemoUsers.ClaimsAuditor)
    {
        var officer = await factory.ActorForAsync(officerEmail);
        var auditor = await factory.ActorForAsync(auditorEmail);
        await factory.QueryDbAsync(async db =>
        {
            var claim = Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse(window ?? at.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
                officer.UserId!.Value, officer.Agency ?? AgencyCode.Parse("COUNCIL"), at, DateOnly.FromDateTime(at.UtcDateTime));
            claim.Start(1);
            var line = claim.Propose(new ClaimLineFacts(caseId, household, outcome, attachedOn, "{}", false), ClaimMoney.Default, at);
            claim.RecordBatch(1, caseId.Value, at);
            claim.FinishPreparation(at);
            var decision = claim.Validate(line, auditor.UserId!.Value, null, at);
            claim.Submit(officer.UserId!.Value, 1, at);
            db.Claims.Add(claim);
            db.ClaimLines.Add(line);
            await db.SaveChangesAsync();
            db.ClaimLineDecisions.Add(decision);
            db.ClaimedOutcomes.AddRange(ClaimedOutcome.For(line, at));
            return await db.SaveChangesAsync();
        });
    }
}
