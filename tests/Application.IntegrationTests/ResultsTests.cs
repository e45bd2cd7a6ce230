using CaseManager.Application.Common;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Application.TroubledFamilies.GetEligibility;
using CaseManager.Application.TroubledFamilies.ListResults;
using CaseManager.Domain.Cases;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Results (TF2, TF4) for the claims officer over the demo families (DemoOutcomes): what the council may see under
/// the Troubled Families agreement, each check measured, near-misses saying what is missing.
/// </summary>
public sealed class ResultsTests : IDisposable
{
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<CaseId> DemoCaseAsync(string household) =>
        _factory.QueryDbAsync(async db =>
        {
            var id = await db.Households.Where(h => h.Name == household).Select(h => h.Id).SingleAsync();
            return await db.Cases.Where(c => c.HouseholdId == id).Select(c => c.Id).SingleAsync();
        });

    [Fact]
    public async Task ListResults_Phase1_ShowsTheMetResultsAndTheNearMissWithWhatIsMissing()
    {
        var pryce = await DemoCaseAsync("Pryce household");
        var dunn = await DemoCaseAsync("Dunn household");

        var page = await _factory.SendAsAsync<ResultsPage>(DemoUsers.ClaimsOfficer, new ListResultsQuery(1, PageSize: 200));

        page.Basis.Should().Contain("records you may see");
        var pryces = page.Items.Single(i => i.CaseId == pryce.Value).Results;
        pryces.Select(r => (r.Kind, r.Met, r.AlreadyClaimed)).Should().Equal(("CrimeAsbEducation", true, false), ("ContinuousEmployment", true, false), ("ProgressToWork", false, false));
        var dunns = page.Items.Single(i => i.CaseId == dunn.Value).Results.Single(r => r.Kind == "CrimeAsbEducation");
        dunns.Met.Should().BeFalse();
        var asb = dunns.Checks.Single(c => c.Code == "AsbReduction");
        asb.Met.Should().BeFalse();
        asb.Measured.Should().StartWith("ASB across the family down 50% over the last 6 months");
        asb.Needed.Should().Be("60% down needed");
    }

    [Fact]
    public async Task ListResults_Phase2_AndEligibilityOfTheDemoFamilies()
    {
        var harker = await DemoCaseAsync("Harker household");
        var pryce = await DemoCaseAsync("Pryce household");
        var dunn = await DemoCaseAsync("Dunn household");

        var page = await _factory.SendAsAsync<ResultsPage>(DemoUsers.ClaimsOfficer, new ListResultsQuery(2, PageSize: 200));
        var harkers = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(harker, 1));
        var pryces = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(pryce, 1));
        var dunns = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(dunn, 1));

        page.Items.Single(i => i.CaseId == pryce.Value).Results.Select(r => r.Kind).Should().Equal("SignificantAndSustainedProgress", "ContinuousEmployment");
        page.Items.Single(i => i.CaseId == pryce.Value).Results.Single(r => r.Kind == "ContinuousEmployment").Met.Should().BeTrue();
        harkers.Criteria.Where(c => c.Met).Select(c => c.Code).Should().Equal("CrimeAsb", "Education", "Work");
        harkers.Eligible.Should().BeTrue();
        pryces.Criteria.Where(c => c.Met).Select(c => c.Code).Should().Equal("CrimeAsb", "Work", "Local");
        pryces.Eligible.Should().BeTrue();
        dunns.Eligible.Should().BeFalse();
        dunns.Criteria.Single(c => c.Code == "Education").Found.Should().Contain("14.8%");
    }

    [Fact]
    public async Task ListResults_ForACaseworker_IsForbidden()
    {
        var act = () => _factory.SendAsAsync<ResultsPage>(DemoUsers.FitKeyworker, new ListResultsQuery(1));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }
}
