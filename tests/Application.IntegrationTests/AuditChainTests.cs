using CaseManager.Application.Auditing.VerifyAuditChain;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

public sealed class AuditChainTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Entries_WrittenAtTheSameMoment_FormOneUnbrokenChain()
    {
        var police = await factory.ActorForAsync(DemoUsers.PoliceCaseworker);
        var fit = await factory.ActorForAsync(DemoUsers.FitKeyworker);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            factory.SendAsAsync<PersonDetailsView>(i % 2 == 0 ? police : fit, new RegisterPersonCommand("Chain", $"Link{i}", new DateOnly(1990, 1, 1)))));

        var report = await factory.SendAsAsync<AuditChainReport>(DemoUsers.InformationGovernance, new VerifyAuditChainQuery());

        report.Valid.Should().BeTrue();
        report.Entries.Should().BeGreaterThanOrEqualTo(48);
    }

    [Fact]
    public async Task AlteredEntry_NoLongerMatchesItsHash()
    {
        await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Tamper", "Target", new DateOnly(1990, 1, 1)));
        await factory.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE AuditEntries SET ActorEmail = 'someone.else@police.demo' WHERE Action = 'person.create'"));

        var altered = await factory.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "person.create").ToListAsync());

        altered.Should().OnlyContain(entry => AuditChain.HashOf(entry, entry.PreviousHash) != entry.Hash);
    }
}

/// <summary>On a factory of its own: the tampering test above breaks the shared chain on purpose.</summary>
public sealed class AuditChainPrecisionTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task Entries_WrittenAtInstantsFinerThanTheStoreKeeps_StillVerify()
    {
        // A real clock has 100-nanosecond ticks; the store keeps less. The chain must hash what is stored.
        factory.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Chain", "Ticks", new DateOnly(1990, 1, 1)));
        factory.Clock.Advance(TimeSpan.FromTicks(8_765_431));
        await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Chain", "MoreTicks", new DateOnly(1990, 1, 1)));

        var report = await factory.SendAsAsync<AuditChainReport>(DemoUsers.InformationGovernance, new VerifyAuditChainQuery());

        report.Valid.Should().BeTrue($"the first broken entry was {report.FirstInvalidEntry}");
    }

    [Fact]
    public async Task ManyEntriesSavedTogether_AreChainedInTheOrderTheyAreNumbered()
    {
        // A page of shared results audits one entry per row in one save; EF Core may insert a batch in any order.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CaseManager.Infrastructure.Identity.CurrentUserContext>().RunAs(await factory.ActorForAsync(DemoUsers.ProbationCaseworker));
            var audit = scope.ServiceProvider.GetRequiredService<CaseManager.Application.Common.Auditing.IAuditTrail>();
            for (var i = 0; i < 40; i++)
            {
                audit.Record($"test.batch-{i}", AuditOutcome.Allowed, AccessRule.Owner);
            }

            await scope.ServiceProvider.GetRequiredService<CaseManager.Application.Common.Persistence.IAppDbContext>().SaveChangesAsync();
        }

        var report = await factory.SendAsAsync<AuditChainReport>(DemoUsers.InformationGovernance, new VerifyAuditChainQuery());
        var numbered = await factory.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("test.batch-"))
            .OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());

        report.Valid.Should().BeTrue($"the first broken entry was {report.FirstInvalidEntry}");
        numbered.Should().Equal(Enumerable.Range(0, 40).Select(i => $"test.batch-{i}"), "one save numbers the entries in the order they were recorded");
    }

    [Fact]
    public async Task SharedRowsAuditedInOneSave_VerifyAfterwards()
    {
        var adam = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id).SingleAsync());
        await factory.SendAsAsync<CaseManager.Application.BreakGlass.BreakGlassView>(DemoUsers.FitKeyworker,
            new CaseManager.Application.BreakGlass.UseBreakGlass.UseBreakGlassCommand(adam, "Child at risk: need offending history now", CaseManager.Domain.Sharing.RiskCategory.ChildAtRisk));

        var offences = await factory.SendAsAsync<CaseManager.Application.Common.Paging.Paged<CaseManager.Application.Offences.OffenceView>>(DemoUsers.FitKeyworker,
            new CaseManager.Application.Offences.ListOffences.ListOffencesQuery(adam));
        var report = await factory.SendAsAsync<AuditChainReport>(DemoUsers.InformationGovernance, new VerifyAuditChainQuery());

        offences.Items.Should().HaveCountGreaterThan(10).And.OnlyContain(o => o.Access != null);
        report.Valid.Should().BeTrue($"the first broken entry was {report.FirstInvalidEntry}");
    }
}
