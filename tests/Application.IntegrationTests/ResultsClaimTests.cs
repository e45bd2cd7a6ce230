using CaseManager.Application.Claims;
using CaseManager.Application.Claims.GetClaimFigures;
using CaseManager.Application.Claims.GetClaimLine;
using CaseManager.Application.Claims.ListClaimLines;
using CaseManager.Application.Claims.PrepareClaim;
using CaseManager.Application.Claims.SubmitClaim;
using CaseManager.Application.Claims.ValidateClaimLine;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.TroubledFamilies.ListResults;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Results claims over the demo outcome families (DemoOutcomes; DOMAIN.md TF2–TF5): what the engine finds met is
/// proposed with its checks, and TF3's "continuous employment instead of both" holds across claims, at preparation,
/// at submission and in the results list's alreadyClaimed: a family is paid £800 at most for its phase-1 results,
/// never progress to work's £100 on top of continuous employment.
/// </summary>
public sealed class ResultsClaimTests : IDisposable
{
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<(CaseId Case, HouseholdId Household, DateOnly Start)> DemoFamilyAsync(string household) =>
        _factory.QueryDbAsync(async db =>
        {
            var id = await db.Households.Where(h => h.Name == household).Select(h => h.Id).SingleAsync();
            var found = await db.Cases.Where(c => c.HouseholdId == id).Select(c => new { c.Id, c.StartDate }).SingleAsync();
            return (found.Id, id, found.StartDate);
        });

    private async Task<ClaimId> PrepareAsync(int phase, string window)
    {
        var created = await _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsOfficer, new PrepareClaimCommand(phase, ClaimKind.Results, window));
        await _factory.Services.GetRequiredService<ClaimPreparationJob>().Run(created.Id, CancellationToken.None);
        return new ClaimId(created.Id);
    }

    private async Task<IReadOnlyList<ClaimLineItem>> LinesAsync(ClaimId claim) =>
        (await _factory.SendAsAsync<Paged<ClaimLineItem>>(DemoUsers.ClaimsOfficer, new ListClaimLinesQuery(claim, PageSize: 200))).Items;

    private async Task ValidateAllAsync(ClaimId claim)
    {
        foreach (var line in await LinesAsync(claim))
        {
            await _factory.SendAsAsync<ClaimLineItem>(DemoUsers.ClaimsAuditor, new ValidateClaimLineCommand(claim, new ClaimLineId(line.LineId), null));
        }
    }

    /// <summary>An earlier, submitted claim of <paramref name="outcome"/> for the family, as another claim would have left it.</summary>
    private Task ClaimedBeforeAsync((CaseId Case, HouseholdId Household, DateOnly Start) family, ClaimOutcome outcome) =>
        _factory.ClaimedAsync(family.Case, family.Household, family.Start, outcome, _factory.Clock.GetUtcNow().AddDays(-20), window: "2026-09");

    [Fact]
    public async Task Phase1_ProposesContinuousEmploymentAloneForTheFamilyInWork_NothingForTheNearMiss_WithTheChecksInTheEvidence()
    {
        var pryces = await DemoFamilyAsync("Pryce household");
        var dunns = await DemoFamilyAsync("Dunn household");

        var claim = await PrepareAsync(1, "2026-11");

        var lines = await LinesAsync(claim);
        var pryce = lines.Should().ContainSingle(l => l.HouseholdId == pryces.Household.Value, "continuous employment pays instead of both other results (TF3)").Which;
        pryce.Result.Should().Be("ContinuousEmployment");
        lines.Should().NotContain(l => l.HouseholdId == dunns.Household.Value, "the Dunns' ASB is down 50%, 60% is needed (TF2)");
        var details = await _factory.SendAsAsync<ClaimLineDetails>(DemoUsers.ClaimsAuditor, new GetClaimLineQuery(claim, new ClaimLineId(pryce.LineId)));
        details.Evidence.Checks.Should().NotBeEmpty().And.OnlyContain(c => c.Met);
        details.Evidence.Checks.Should().Contain(c => c.Measured.Contains("weeks"));
        details.Evidence.Records.Should().Contain(r => r.Kind == "Employment");
    }

    [Fact]
    public async Task Phase1_AFamilyClaimedBeforeForProgressToWork_IsOfferedCrimeAsbAndEducation_NotContinuousEmployment()
    {
        var pryces = await DemoFamilyAsync("Pryce household");
        await ClaimedBeforeAsync(pryces, ClaimOutcome.ProgressToWork);

        var claim = await PrepareAsync(1, "2026-11");

        (await LinesAsync(claim)).Where(l => l.HouseholdId == pryces.Household.Value).Select(l => l.Result)
            .Should().Equal(["CrimeAsbEducation"], "£100 for progress to work plus £700 for crime/ASB and education is the £800 of TF3");
        var results = await _factory.SendAsAsync<ResultsPage>(DemoUsers.ClaimsOfficer, new ListResultsQuery(1, PageSize: 200));
        results.Items.Single(i => i.CaseId == pryces.Case.Value).Results.Select(r => (r.Kind, r.AlreadyClaimed))
            .Should().Equal(("CrimeAsbEducation", false), ("ContinuousEmployment", true), ("ProgressToWork", true));
    }

    [Fact]
    public async Task Submit_OfContinuousEmployment_AfterProgressToWorkWasClaimedMeanwhile_IsRefusedAsAlreadyClaimed()
    {
        var pryces = await DemoFamilyAsync("Pryce household");
        var claim = await PrepareAsync(1, "2026-11");
        await ValidateAllAsync(claim);
        await ClaimedBeforeAsync(pryces, ClaimOutcome.ProgressToWork);

        var submit = () => _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(claim));

        var refused = (await submit.Should().ThrowAsync<DomainRuleException>()).Which;
        refused.Code.Should().Be("claims.already-claimed");
        refused.Message.Should().Contain($"Continuous employment for case {pryces.Case}");
    }

    [Fact]
    public async Task Submit_OfContinuousEmployment_TakesTheResultAndProgressToWorkSlots_AndCountsOnceInTheFigures()
    {
        var pryces = await DemoFamilyAsync("Pryce household");
        var claim = await PrepareAsync(1, "2026-11");
        await ValidateAllAsync(claim);
        var amount = (await LinesAsync(claim)).Single(l => l.HouseholdId == pryces.Household.Value).Amount;

        await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(claim));

        var ledger = await _factory.QueryDbAsync(db => db.ClaimedOutcomes.Where(o => o.HouseholdId == pryces.Household).ToListAsync());
        ledger.Select(o => (o.Slot, o.Outcome, o.Primary, o.Amount)).Should().BeEquivalentTo(
        [
            (ClaimSlot.Result, ClaimOutcome.ContinuousEmployment, true, amount),
            (ClaimSlot.ProgressToWork, ClaimOutcome.ContinuousEmployment, false, 0m),
        ]);
        var results = await _factory.SendAsAsync<ResultsPage>(DemoUsers.ClaimsOfficer, new ListResultsQuery(1, PageSize: 200));
        results.Items.Single(i => i.CaseId == pryces.Case.Value).Results.Should().OnlyContain(r => r.AlreadyClaimed, "nothing more can be claimed for the family's phase-1 results");
        var figures = await _factory.SendAsAsync<ClaimFigures>(DemoUsers.ClaimsOfficer, new GetClaimFiguresQuery());
        var phase1 = figures.Phases.Single(p => p.Phase == 1);
        phase1.Years.Sum(y => y.Results["ContinuousEmployment"]).Should().Be(1);
        phase1.Years.Sum(y => y.Results["ProgressToWork"]).Should().Be(0);
        phase1.Years.Sum(y => y.ResultsClaimed).Should().Be(amount);
    }
}
