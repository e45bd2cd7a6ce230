using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Households;
using CaseManager.Infrastructure.Identity;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The shape of the access rule's "a right of a member of the household today" (DOMAIN.md IS7b) in SQLite's plan: the
/// rights are looked up by person from the household's members, not walked one by one through every right the
/// reader's agency holds. That walk made the household timeline grow with the partnership (3 s a page at 100,000
/// households, docs/performance.md "Troubled Families eligibility and the household timeline").
/// </summary>
public sealed class MemberRightPlanTests : IDisposable
{
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task FamilyRecordsRule_LooksTheMembersRightsUpByPerson()
    {
        var actor = await _factory.ActorForAsync(DemoUsers.FitManager);
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
        var access = scope.ServiceProvider.GetRequiredService<IRecordAccess>();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var household = new HouseholdId(Guid.NewGuid());
        // A household record about the family (no member named) is read through its members' rights (IS7b).
        var sql = access.Readable(db.LocalCriterionRecords.AsNoTracking()).Where(r => r.HouseholdId == household).ToQueryString();

        var plan = await _factory.QueryPlanAsync(sql);

        var rightSearches = plan.Where(line => line.Contains("IX_SharingRights_PersonId", StringComparison.Ordinal)).ToList();
        rightSearches.Should().HaveCount(2, "one search for the record's person's rights, one for the family's members' rights");
        rightSearches.Should().OnlyContain(line => line.Contains("(PersonId=? AND ReaderAgency=?", StringComparison.Ordinal),
            "each right is found from one person, never by walking every right of the reader's agency (ANY(PersonId))");
        plan.Should().NotContain(line => line.StartsWith("SCAN s", StringComparison.Ordinal), "no table of rights or agreements is read whole");
    }
}
