using CaseManager.Application.Claims.PrepareClaimBatch;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Cases;
using CaseManager.Infrastructure.Identity;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The shape of a claim preparation's batch read in SQLite's plan: one range of the cases' (Scheme, Id) index after
/// the last case read, stopping at the batch's size, with no sort. Read through the scheme's other index, every
/// batch took and sorted every Troubled Families case, and 400,000 families took 26 minutes
/// (docs/performance.md "Claim preparation").
/// </summary>
public sealed class ClaimPreparationPlanTests : IDisposable
{
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task NextBatch_IsOneRangeOfTheSchemeAndIdIndex_WithoutASort()
    {
        var actor = await _factory.ActorForAsync(DemoUsers.ClaimsOfficer);
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
        var access = scope.ServiceProvider.GetRequiredService<IRecordAccess>();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var cases = PrepareClaimBatchHandler.FamilyCases(db, access, new DateOnly(2026, 11, 30));
        var sql = PrepareClaimBatchHandler.NextBatch(cases, new CaseId(Guid.CreateVersion7()), 500).ToQueryString();

        var plan = await _factory.QueryPlanAsync(sql);

        plan.Should().Contain(line => line.StartsWith("SEARCH c USING INDEX IX_Cases_Scheme_Id (Scheme=? AND Id>?)", StringComparison.Ordinal),
            "the batch starts after the last case read and walks the scheme's cases in id order");
        plan.Should().NotContain(line => line.Contains("TEMP B-TREE", StringComparison.Ordinal), "no batch sorts the scheme's cases");
        sql.Should().Contain("\"CaseReaders\"", "the batch is read through the access rule (IS7), in SQL");
    }
}
