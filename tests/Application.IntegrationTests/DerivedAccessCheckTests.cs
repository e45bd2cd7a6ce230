using CaseManager.Application.Cases;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Jobs;
using CaseManager.Domain.Agencies;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The derived-access-check job (ADR 0016) on the demo partnership, after rows were written around the application:
/// a case reader row that lets FIT read a police IOM case (a leak), probation's rows for that case deleted, and a
/// sharing right for an agency no agreement names. One run puts all of it right; the next finds nothing.
/// </summary>
public sealed class DerivedAccessCheckTests : IDisposable
{
    private readonly WithoutOutcomeFamilies _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheCheck_RemovesRowsNoFactAllows_RestoresMissingOnes_AndAuditsWhatItRepaired()
    {
        var adamsCase = await _factory.QueryDbAsync(db => db.Cases
            .Where(c => c.Scheme == Scheme.Iom && c.OwnerAgency == AgencyCode.Parse("POLICE") && db.People.Any(p => p.Id == c.PersonId && p.FamilyName == "Ashby"))
            .Select(c => new { c.Id, c.PersonId }).FirstAsync());
        var caseId = adamsCase.Id.Value.ToString().ToUpperInvariant();
        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().Contain(adamsCase.Id.Value, "probation reads police IOM cases under the IOM agreement");

        await _factory.QueryDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "CaseReaders" ("CaseId", "ReaderAgency", "Scheme", "Status", "ValidFrom", "ValidTo")
                SELECT "CaseId", 'FIT', "Scheme", "Status", "ValidFrom", "ValidTo" FROM "CaseReaders" WHERE "CaseId" = {0} AND "ReaderAgency" = 'PROBATION'
                """, caseId);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "CaseReaders" WHERE "CaseId" = {0} AND "ReaderAgency" = 'PROBATION'""", caseId);
            return await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "SharingRights" ("PersonId", "ReaderAgency", "DataCategory", "AgreementId", "ConsentId", "ValidFrom", "ValidTo")
                SELECT "PersonId", 'YOS', "DataCategory", "AgreementId", NULL, "ValidFrom", "ValidTo" FROM "SharingRights" WHERE "ReaderAgency" = 'PROBATION' LIMIT 1
                """);
        });
        (await CaseloadAsync(DemoUsers.FitKeyworker)).Should().Contain(adamsCase.Id.Value, "the stray row is read as a right: this is the leak the check exists for");
        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().NotContain(adamsCase.Id.Value);

        await RunCheckAsync();

        (await CaseloadAsync(DemoUsers.FitKeyworker)).Should().NotContain(adamsCase.Id.Value, "FIT is no party to the IOM agreement");
        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().Contain(adamsCase.Id.Value);
        (await _factory.QueryDbAsync(db => db.SharingRights.CountAsync(r => r.ReaderAgency == AgencyCode.Parse("YOS")))).Should().Be(0);
        var repaired = await _factory.QueryDbAsync(db => db.AuditEntries.Where(a => a.Action == "sharing.derived-rows-repaired").ToListAsync());
        repaired.Should().ContainSingle().Which.Detail.Should().Contain(adamsCase.PersonId!.Value.Value.ToString(), "the audit names whose rows were put right");

        await RunCheckAsync();

        (await _factory.AuditCountAsync("sharing.derived-rows-repaired")).Should().Be(1, "a second run finds nothing to repair");
        (await AccessModel.WorldDatabase.SharingRightsKeptUpDifferencesAsync(_factory)).Should().BeEmpty("the checked rows are what a full rebuild makes");
    }

    [Fact]
    public async Task TheCheck_IsARecurringJob()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IRecurringJobs>().List();

        jobs.Should().Contain(j => j.Id == RecurringJobs.DerivedAccessCheck && j.Cron == "15 3 * * *");
    }

    private async Task RunCheckAsync() =>
        await ActivatorUtilities.CreateInstance<DerivedAccessCheckJob>(_factory.Services).Run(CancellationToken.None);

    private async Task<List<Guid>> CaseloadAsync(string email)
    {
        var page = await _factory.SendAsAsync<Paged<CaseListItem>>(email, new ListCasesQuery(Scheme.Iom, PageSize: Paging.MaxPageSize));
        page.Total.Should().Be(page.Items.Count, "the total counts the same rows the page lists");
        return [.. page.Items.Select(c => c.Id)];
    }

    /// <summary>The demo's Troubled Families agreement gives YOS rights; these tests count the rights of agencies the demo leaves out.</summary>
    private sealed class WithoutOutcomeFamilies : CaseManagerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Demo:OutcomeFamilies", "false")];
    }
}
