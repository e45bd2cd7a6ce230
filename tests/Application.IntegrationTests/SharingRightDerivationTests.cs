using CaseManager.Application.Cases;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Sharing.CreateSharingAgreement;
using CaseManager.Application.Sharing.DeriveSharingRights;
using CaseManager.Application.Sharing.EndSharingAgreement;
using CaseManager.Application.Sharing.ListSharingRightDerivations;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Rights worked out in the background (ADR 0026, DOMAIN.md IS7 (2), IS5) on the demo partnership, with the job not
/// run until a test runs it: an ended or narrowed agreement, or an agency leaving a scheme, revokes in the request;
/// a new or widened one grants nothing until the job has run; the job carries on from its cursor after a stop.
/// </summary>
public abstract class SharingRightDerivationScenarios : IDisposable
{
    private static readonly AgencyCode Probation = AgencyCode.Parse("PROBATION");

    private readonly CaseManagerFactory _factory;

    protected SharingRightDerivationScenarios(CaseManagerFactory factory) => _factory = factory;

    /// <summary>How each change to an agreement is kept: whether its rights go at once, and whether work is left for the job.</summary>
    public static TheoryData<string, bool, bool> AgreementChanges => new()
    {
        { "ended", true, true },
        { "starts later", true, true },
        { "starts earlier", false, true },
        { "category removed", true, true },
        { "category added", false, true },
        { "purpose added", false, true },
        { "party added", true, true },
        { "consent newly required", true, true },
        { "deleted", true, true },
        { "renamed", false, false },
    };

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [MemberData(nameof(AgreementChanges))]
    public async Task EachKindOfAgreementChange_RevokesInTheRequestOrLeavesTheRightsForTheJob(string change, bool revokesAtOnce, bool leavesWork)
    {
        var (agreementId, _, _) = await IomAgreementAsync();
        var before = await RightsUnderAsync(agreementId);
        before.Should().BeGreaterThan(0);

        await _factory.QueryDbAsync(async db =>
        {
            var agreement = await db.SharingAgreements.SingleAsync(a => a.Id == agreementId);
            var entry = db.Entry(agreement);
            var categories = (List<AgreementCategory>)typeof(SharingAgreement).GetField("_categories", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(agreement)!;
            var purposes = (List<AgreementPurpose>)typeof(SharingAgreement).GetField("_purposes", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(agreement)!;
            var parties = (List<AgreementAgency>)typeof(SharingAgreement).GetField("_agencies", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(agreement)!;
            switch (change)
            {
                case "ended": agreement.End("Test", _factory.Clock.GetUtcNow(), Today); break;
                case "starts later": entry.Property(a => a.ValidFrom).CurrentValue = Today.AddDays(-1); break;
                case "starts earlier": entry.Property(a => a.ValidFrom).CurrentValue = agreement.ValidFrom.AddYears(-1); break;
                case "category removed": categories.RemoveAt(categories.Count - 1); break;
                case "category added": categories.Add(new AgreementCategory(DataCategory.EducationEmploymentBenefits)); break;
                case "purpose added": purposes.Add(new AgreementPurpose(Scheme.Fit)); break;
                case "party added": parties.Add(new AgreementAgency(AgencyCode.Parse("YOS"))); break;
                case "consent newly required": entry.Property(a => a.ConsentRequired).CurrentValue = true; break;
                case "deleted": db.SharingAgreements.Remove(agreement); break;
                case "renamed": entry.Property(a => a.Name).CurrentValue = "IOM (renamed)"; break;
            }

            db.ChangeTracker.DetectChanges();
            return await db.SaveChangesAsync();
        });

        var after = await RightsUnderAsync(agreementId);
        if (revokesAtOnce)
        {
            after.Should().Be(0, "{0} could take access away, so its rights go in the request", change);
        }
        else
        {
            after.Should().Be(before, "{0} can only give more: the rights it already gave stay, and nothing new is given yet", change);
        }

        var derivations = await DerivationsAsync();
        derivations.InProgress.Should().Be(leavesWork);
        if (leavesWork)
        {
            var people = await _factory.QueryDbAsync(db => db.People.CountAsync());
            derivations.Derivations[0].Should().BeEquivalentTo(new { Status = "Queued", RevokedAtOnce = revokesAtOnce, Done = 0, Total = people });
        }

        await RunJobAsync();

        (await DerivationsAsync()).InProgress.Should().BeFalse();
        (await AccessModel.WorldDatabase.SharingRightsKeptUpDifferencesAsync(_factory)).Should().BeEmpty("after the job the rows are what a full rebuild makes");
    }

    [Fact]
    public async Task AnEndedAgreement_RevokesInTheRequest_AndANewOne_GrantsNothingUntilTheJobHasRun()
    {
        var (agreementId, adamsCase, _) = await IomAgreementAsync();
        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().Contain(adamsCase, "probation reads police IOM cases under the IOM agreement");

        await _factory.SendAsAsync<object>(DemoUsers.InformationGovernance, new EndSharingAgreementCommand(agreementId, "Replaced by a new agreement"));

        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().NotContain(adamsCase, "ending an agreement stops its sharing in the request, before any job");
        (await RightsUnderAsync(agreementId)).Should().Be(0);

        await _factory.SendAsAsync<object>(DemoUsers.InformationGovernance, new CreateSharingAgreementCommand(
            "IOM again", ["POLICE", "PROBATION"], [DataCategory.Identity, DataCategory.Offending], [Scheme.Iom],
            LawfulBasis.PublicTask, null, "Crime and Disorder Act 1998 s115", false, Today.AddYears(-1), null));

        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().NotContain(adamsCase, "a new agreement grants nothing until its rights are worked out");
        var pending = await DerivationsAsync();
        pending.InProgress.Should().BeTrue();
        pending.Derivations.Should().ContainSingle(d => d.Status == "Queued").Which.Reason.Should().Contain("IOM again");
        pending.Derivations.Should().Contain(d => d.Status == "Superseded" && d.RevokedAtOnce, "the end's own derivation is covered by the later one");

        await RunJobAsync();

        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().Contain(adamsCase, "the job worked out the new agreement's rights");
        var done = await DerivationsAsync();
        done.InProgress.Should().BeFalse();
        var people = await _factory.QueryDbAsync(db => db.People.CountAsync());
        done.Derivations[0].Should().BeEquivalentTo(new { Status = "Finished", Done = people, Total = people });
        (await AccessModel.WorldDatabase.SharingRightsKeptUpDifferencesAsync(_factory)).Should().BeEmpty();
    }

    [Fact]
    public async Task AnAgencyLeavingAScheme_LosesItsRightsInTheRequest_AndJoiningAgain_GrantsOnlyAfterTheJob()
    {
        var (_, adamsCase, _) = await IomAgreementAsync();

        await SetSchemesAsync(Probation, []);

        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().NotContain(adamsCase, "an agency that left IOM reads no IOM case under an agreement, at once");
        (await _factory.QueryDbAsync(db => db.SharingRights.CountAsync(r => r.ReaderAgency == Probation))).Should().Be(0);
        (await DerivationsAsync()).Derivations[0].Should().BeEquivalentTo(new { Status = "Queued", RevokedAtOnce = true });

        await SetSchemesAsync(Probation, [Scheme.Iom]);

        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().NotContain(adamsCase, "joining a scheme grants nothing until the job has run");
        (await DerivationsAsync()).Derivations[0].Should().BeEquivalentTo(new { Status = "Queued", RevokedAtOnce = false });

        await RunJobAsync();

        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().Contain(adamsCase);
        (await AccessModel.WorldDatabase.SharingRightsKeptUpDifferencesAsync(_factory)).Should().BeEmpty();
    }

    [Fact]
    public async Task TheJob_StoppedAfterTwoBatches_CarriesOnFromItsCursor_AndABatchDoneTwiceChangesNothing()
    {
        var (agreementId, adamsCase, _) = await IomAgreementAsync();
        await _factory.SendAsAsync<object>(DemoUsers.InformationGovernance, new EndSharingAgreementCommand(agreementId, "Replaced"));
        await _factory.SendAsAsync<object>(DemoUsers.InformationGovernance, new CreateSharingAgreementCommand(
            "IOM again", ["POLICE", "PROBATION"], [DataCategory.Identity, DataCategory.Offending], [Scheme.Iom],
            LawfulBasis.PublicTask, null, "Crime and Disorder Act 1998 s115", false, Today.AddYears(-1), null));
        var people = await _factory.QueryDbAsync(db => db.People.CountAsync());

        // Two batches of two, then the process is "killed": the progress of both was saved with them.
        await BatchAsync(2);
        var second = await BatchAsync(2);
        second.Should().BeEquivalentTo(new { Done = 4, Total = people, Finished = false });
        var cursor = await _factory.QueryDbAsync(db => db.SharingRightDerivations.Where(d => d.Id == second.DerivationId).Select(d => d.Cursor).SingleAsync());
        cursor.Should().NotBeNull();
        var firstFour = await _factory.QueryDbAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync());
        cursor.Should().Be(firstFour[^1], "the cursor is the last person worked out, in id order");

        // A restarted job carries on after the cursor: it works out the other people, not all of them again.
        await RunJobAsync();

        var finished = (await DerivationsAsync()).Derivations[0];
        finished.Should().BeEquivalentTo(new { Status = "Finished", Done = people, Total = people });
        (await CaseloadAsync(DemoUsers.ProbationCaseworker)).Should().Contain(adamsCase);
        var rows = await DerivedRowsAsync();

        // A batch whose progress was lost with a killed process runs again: the same rows.
        await _factory.QueryDbAsync(db => db.Set<SharingRightDerivation>().Where(d => d.Id == second.DerivationId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, SharingRightDerivationStatus.Running)
            .SetProperty(d => d.Cursor, (PersonId?)null)
            .SetProperty(d => d.Done, 0)));
        await RunJobAsync();

        (await DerivedRowsAsync()).Should().Equal(rows);
        (await AccessModel.WorldDatabase.SharingRightsKeptUpDifferencesAsync(_factory)).Should().BeEmpty();
    }

    [Fact]
    public async Task TheJob_IsARecurringJob_ThatPicksUpLostWork()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<Jobs.IRecurringJobs>().List();

        jobs.Should().Contain(j => j.Id == RecurringJobs.SharingRightDerivations && j.Cron == "* * * * *");
    }

    private static DateOnly Today => DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);

    private async Task<(SharingAgreementId Agreement, Guid AdamsCase, PersonId Adam)> IomAgreementAsync() =>
        await _factory.QueryDbAsync(async db =>
        {
            var adamsCase = await db.Cases
                .Where(c => c.Scheme == Scheme.Iom && c.OwnerAgency == AgencyCode.Parse("POLICE") && db.People.Any(p => p.Id == c.PersonId && p.FamilyName == "Ashby"))
                .Select(c => new { c.Id, c.PersonId }).FirstAsync();
            var agreement = await db.SharingRights.Where(r => r.PersonId == adamsCase.PersonId!.Value && r.ReaderAgency == Probation)
                .Select(r => r.AgreementId).Distinct().SingleAsync();
            return (agreement, adamsCase.Id.Value, adamsCase.PersonId!.Value);
        });

    private Task<int> RightsUnderAsync(SharingAgreementId agreementId) =>
        _factory.QueryDbAsync(db => db.SharingRights.CountAsync(r => r.AgreementId == agreementId));

    private Task<SharingRightDerivationsView> DerivationsAsync() =>
        _factory.SendAsAsync<SharingRightDerivationsView>(DemoUsers.InformationGovernance, new ListSharingRightDerivationsQuery());

    private Task<SharingRightDerivationBatch> BatchAsync(int count) =>
        _factory.SendAsAsync<SharingRightDerivationBatch>(Actor.System, new DeriveSharingRightsCommand(count));

    private async Task RunJobAsync() =>
        await ActivatorUtilities.CreateInstance<SharingRightDerivationJob>(_factory.Services).Run(CancellationToken.None);

    private async Task SetSchemesAsync(AgencyCode code, Scheme[] schemes) =>
        await _factory.QueryDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Code == code);
            agency.TakePartIn(schemes);
            return await db.SaveChangesAsync();
        });

    private Task<List<string>> DerivedRowsAsync() =>
        _factory.QueryDbAsync(async db =>
            (await db.SharingRights.AsNoTracking().ToListAsync()).Select(r => r.ToString())
                .Concat((await db.CaseReaders.AsNoTracking().ToListAsync()).Select(r => r.ToString()))
                .Order(StringComparer.Ordinal)
                .ToList());

    private async Task<List<Guid>> CaseloadAsync(string email)
    {
        var page = await _factory.SendAsAsync<Paged<CaseListItem>>(email, new ListCasesQuery(Scheme.Iom, PageSize: Paging.MaxPageSize));
        page.Total.Should().Be(page.Items.Count, "the total counts the same rows the page lists");
        return [.. page.Items.Select(c => c.Id)];
    }
}

/// <summary>On SQLite.</summary>
public sealed class SharingRightDerivationTests() : SharingRightDerivationScenarios(new CaseManagerFactory { DerivesSharingRightsAtOnce = false });

/// <summary>On PostgreSQL: the writers' lock is an advisory lock there, and ids order as uuids.</summary>
public sealed class PostgresSharingRightDerivationTests() : SharingRightDerivationScenarios(NewFactory())
{
    private static PostgresFactory NewFactory()
    {
        PostgresFactory.ServerConnectionString.Should().NotBeNull($"{PostgresFactory.EnvironmentVariable} must name a PostgreSQL server");
        return new PostgresFactory { DerivesSharingRightsAtOnce = false };
    }
}

/// <summary>
/// As deployed (ADR 0026): the request that made the change works out the first batch of people after it commits and
/// leaves the rest to the job, so a partnership of one batch or fewer has the new access when the page comes back.
/// </summary>
public sealed class SharingRightFirstBatchTests : IDisposable
{
    private readonly FirstBatchFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ANewAgreement_OnAPartnershipOfOneBatch_IsWorkedOutByTheRequestThatMadeIt()
    {
        var today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
        var people = await _factory.QueryDbAsync(db => db.People.CountAsync());
        people.Should().BeLessThan(DeriveSharingRightsCommand.DefaultBatch, "the demo partnership fits in one batch");
        var adam = await _factory.QueryDbAsync(db => db.Cases
            .Where(c => c.Scheme == Scheme.Iom && c.OwnerAgency == AgencyCode.Parse("POLICE") && db.People.Any(p => p.Id == c.PersonId && p.FamilyName == "Ashby"))
            .Select(c => new { c.Id, c.PersonId }).FirstAsync());
        var adamsCase = adam.Id.Value;
        var agreement = await _factory.QueryDbAsync(db => db.SharingRights
            .Where(r => r.PersonId == adam.PersonId!.Value && r.ReaderAgency == AgencyCode.Parse("PROBATION"))
            .Select(r => r.AgreementId).Distinct().SingleAsync());
        await _factory.SendAsAsync<object>(DemoUsers.InformationGovernance, new EndSharingAgreementCommand(agreement, "Replaced by a new agreement"));
        (await CaseloadAsync()).Should().NotContain(adamsCase, "an ended agreement revokes in the request");

        await _factory.SendAsAsync<object>(DemoUsers.InformationGovernance, new CreateSharingAgreementCommand(
            "IOM again", ["POLICE", "PROBATION"], [DataCategory.Identity, DataCategory.Offending], [Scheme.Iom],
            LawfulBasis.PublicTask, null, "Crime and Disorder Act 1998 s115", false, today.AddYears(-1), null));

        (await CaseloadAsync()).Should().Contain(adamsCase, "the request worked out the only batch before it answered");
        var derivations = await _factory.SendAsAsync<SharingRightDerivationsView>(DemoUsers.InformationGovernance, new ListSharingRightDerivationsQuery());
        derivations.InProgress.Should().BeFalse();
        derivations.Derivations[0].Should().BeEquivalentTo(new { Status = "Finished", Done = people, Total = people });
        (await AccessModel.WorldDatabase.SharingRightsKeptUpDifferencesAsync(_factory)).Should().BeEmpty();
    }

    private async Task<List<Guid>> CaseloadAsync()
    {
        var page = await _factory.SendAsAsync<Paged<CaseListItem>>(DemoUsers.ProbationCaseworker, new ListCasesQuery(Scheme.Iom, PageSize: Paging.MaxPageSize));
        return [.. page.Items.Select(c => c.Id)];
    }

    private sealed class FirstBatchFactory : CaseManagerFactory
    {
        public FirstBatchFactory() => DerivesSharingRightsAtOnce = false;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Jobs:DeriveFirstBatchInRequest", "true")];
    }
}
