using CaseManager.Application.Common.Access;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Domain.People;
using CaseManager.Infrastructure.Persistence;
using CaseManager.TestSupport;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>The demo host with every SQL command of the work inside <see cref="CommandCounter.RecordAsync{T}"/> recorded.</summary>
public sealed class CommandCountingFactory : CaseManagerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteCaseDbContext>(o => o.AddInterceptors(new CommandCounter())));
    }
}

/// <summary>
/// How many statements a person's timeline and a person read run (docs/performance.md, "Run G"): each is a round trip,
/// a prepare and a plan, and these are among the hottest reads. A change that adds a read fails here and lists them.
/// Only reads are pinned: the audit's writes are one INSERT per entry (IS9), the audit's own business.
/// </summary>
public sealed class ReadStatementTests(CommandCountingFactory factory) : IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task OwnTimeline_CountsEverySourceInOneStatement_AndExplainsNothing()
    {
        // The police read their own IOM nominal: no entry needs a reason, so no explanation query runs.
        var (timeline, reads) = await ReadsAsync<Paged<TimelineEntry>>(DemoUsers.PoliceCaseworker, new GetTimelineQuery(await PersonIdAsync("Ashby")));

        timeline.Items.Should().Contain(e => e.Kind == "Intervention").And.Contain(e => e.Kind == "Offence")
            .And.OnlyContain(e => e.OwnerAgency == "POLICE" && e.Access == null);
        reads.Count(c => c.Contains("COUNT(", StringComparison.Ordinal)).Should().Be(1, "the sources are counted in one statement:\n" + Summary(reads));
        // The person gate, the cases, the counts, the newest interventions and offences (with their types' names),
        // the recorders' names, and the audit chain's last hash.
        reads.Should().HaveCount(7, "the timeline's reads are pinned:\n" + Summary(reads));
    }

    [Fact]
    public async Task SharedTimeline_CountsEverySourceInOneStatement_AndExplainsEachSharedSource()
    {
        // Probation read the police's records on him through the IOM agreement (IS7 (2)): each shared entry is explained and audited (IS9).
        var (timeline, reads) = await ReadsAsync<Paged<TimelineEntry>>(DemoUsers.ProbationCaseworker, new GetTimelineQuery(await PersonIdAsync("Ashby")));

        timeline.Items.Should().Contain(e => e.OwnerAgency == "POLICE" && e.Access != null);
        reads.Count(c => c.Contains("COUNT(", StringComparison.Ordinal)).Should().Be(1, "the sources are counted in one statement:\n" + Summary(reads));
        // As the police's own, plus the reasons for the shared interventions, offences and case, each with its agreements' names.
        reads.Should().HaveCount(13, "the timeline's reads are pinned:\n" + Summary(reads));
    }

    [Fact]
    public async Task OwnPersonRead_ExplainsNothing()
    {
        var (person, reads) = await ReadsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new GetPersonQuery(await PersonIdAsync("Ashby")));

        person.Access.Should().BeNull();
        // The person through the rule, and the audit chain's last hash.
        reads.Should().HaveCount(2, "the person read's statements are pinned:\n" + Summary(reads));
    }

    [Fact]
    public async Task SharedPersonRead_ExplainsTheRecord()
    {
        var (person, reads) = await ReadsAsync<PersonDetailsView>(DemoUsers.ProbationCaseworker, new GetPersonQuery(await PersonIdAsync("Ashby")));

        person.Access!.Rule.Should().Be(AccessRules.SharingAgreement);
        // The person, the reason and its agreement's name, and the audit chain's last hash.
        reads.Should().HaveCount(4, "the person read's statements are pinned:\n" + Summary(reads));
    }

    [Fact]
    public async Task OwnCaseload_IsOnePageStatement_WithItsTotal()
    {
        // A caseworker's own caseload (docs/performance.md, "Run H"): the page's rows, their last contacts, the people's
        // names and the total in one statement; then the workers' names and the audit chain's last hash.
        var (caseload, reads) = await ReadsAsync<Paged<CaseListItem>>(DemoUsers.PoliceCaseworker, new ListCasesQuery(AllocatedToMe: true));

        caseload.Items.Should().NotBeEmpty().And.OnlyContain(c => c.OwnerAgency == "POLICE" && c.Access == null && c.PersonName != null);
        caseload.Total.Should().Be(caseload.Items.Count);
        reads.Should().HaveCount(3, "the caseload's reads are pinned:\n" + Summary(reads));
    }

    [Fact]
    public async Task SharedCaseload_ExplainsThePageInOneStatement()
    {
        // Probation's view of the police's cases: the page (total inside), the workers' names, one explanation of the
        // page's shared rows with its agreements' names, and the audit chain's last hash.
        var (caseload, reads) = await ReadsAsync<Paged<CaseListItem>>(DemoUsers.ProbationCaseworker, new ListCasesQuery(OwnerAgency: "POLICE"));

        caseload.Items.Should().NotBeEmpty().And.OnlyContain(c => c.OwnerAgency == "POLICE" && c.Access != null);
        reads.Should().HaveCount(5, "the caseload's reads are pinned:\n" + Summary(reads));
    }

    /// <summary>The reads (SELECT statements) of one request, after one unrecorded request warms the same path.</summary>
    private async Task<(T Result, IReadOnlyList<string> Reads)> ReadsAsync<T>(string email, IMessage message)
    {
        var reader = await factory.ActorForAsync(email);
        await factory.SendAsAsync<T>(reader, message);
        var (result, commands) = await CommandCounter.RecordAsync(() => factory.SendAsAsync<T>(reader, message));
        return (result, [.. commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))]);
    }

    /// <summary>Each command's first lines, enough to tell which read it is.</summary>
    private static string Summary(IReadOnlyList<string> commands) =>
        string.Join("\n", commands.Select(c => string.Join(" ", c.Split('\n').Take(3).Select(l => l.Trim())) is var head && head.Length > 160 ? head[..160] : head));

    private Task<PersonId> PersonIdAsync(string familyName) =>
        factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == familyName).Select(p => p.Id).SingleAsync());
}
