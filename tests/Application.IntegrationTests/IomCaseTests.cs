using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Cases.UpdateIomDetails;
using CaseManager.Application.Common;
using CaseManager.Application.Interventions;
using CaseManager.Application.Interventions.LogIntervention;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>IOM work through the real mediator pipeline and database: transactions, audit, concurrency and four eyes.</summary>
public sealed class IomCaseTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private async Task<CaseView> EnrolAsync(string familyName, string by = DemoUsers.PoliceCaseworker)
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(by, new RegisterPersonCommand("Iom", familyName, new DateOnly(1990, 1, 1)));
        return await factory.SendAsAsync<CaseView>(by, new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), new DateOnly(2026, 10, 1),
            Cohort: "Fixed", Tier: "Red", SelectionReason: "Panel selection"));
    }

    [Fact]
    public async Task OpenCase_SavesTheCaseWithItsAuditEntryInOneTransaction()
    {
        var opened = await EnrolAsync("Audited");

        var actions = await factory.QueryDbAsync(db => db.AuditEntries.Where(a => a.EntityId == opened.Id.ToString()).Select(a => a.Action).ToListAsync());
        actions.Should().Contain("case.open");
        (await factory.QueryDbAsync(db => db.Cases.AnyAsync(c => c.Id == new CaseId(opened.Id)))).Should().BeTrue();
    }

    [Fact]
    public async Task ConcurrentEdits_FromTheSameVersion_SaveExactlyOne()
    {
        var opened = await EnrolAsync("Raced");
        var actor = await factory.ActorForAsync(DemoUsers.PoliceCaseworker);
        UpdateIomDetailsCommand Edit(string tier) => new(new CaseId(opened.Id), opened.Version, "Fixed", tier, "Panel selection");

        var results = await Task.WhenAll(
            Attempt(() => factory.SendAsAsync<CaseView>(actor, Edit("Amber"))),
            Attempt(() => factory.SendAsAsync<CaseView>(actor, Edit("Green"))));

        results.Count(r => r is null).Should().Be(1, "one edit wins");
        results.Single(r => r is not null).Should().Match<Exception>(e =>
            e is DbUpdateConcurrencyException || (e is DomainRuleException && ((DomainRuleException)e).Code == "concurrency.stale"));
        var stored = await factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new CaseId(opened.Id)).Select(c => new { c.Version, c.Iom!.Tier }).SingleAsync());
        stored.Version.Should().Be(opened.Version + 1, "the losing edit changed nothing");
        stored.Tier.Should().BeOneOf("Amber", "Green");
    }

    [Fact]
    public async Task ApproveOwnNomination_IsForbiddenAuditedAndChangesNothing()
    {
        var opened = await EnrolAsync("FourEyes", DemoUsers.PoliceManager);
        await factory.SendAsAsync<CaseView>(DemoUsers.PoliceManager, new NominateExitCommand(new CaseId(opened.Id), ExitReason.MovedOutOfArea, "Moved away"));

        var act = () => factory.SendAsAsync<CaseView>(DemoUsers.PoliceManager, new ApproveExitCommand(new CaseId(opened.Id)));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
        var stored = await factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new CaseId(opened.Id)).Select(c => c.Status).SingleAsync());
        stored.Should().Be(CaseStatus.ExitNominated);
        var failure = await factory.QueryDbAsync(db => db.AuditEntries.Where(a => a.Action == "command.ApproveExitCommand" && a.Outcome != AuditOutcome.Allowed).CountAsync());
        failure.Should().BeGreaterThan(0, "a refused decision leaves a trace");
    }

    [Fact]
    public async Task LogIntervention_ByAPartnerInTheScheme_IsOwnedByThePartner()
    {
        var opened = await EnrolAsync("Partnered");

        var work = await factory.SendAsAsync<InterventionView>(DemoUsers.ProbationCaseworker,
            new LogInterventionCommand(new CaseId(opened.Id), InterventionType.OfficeAppointment, CaseManagerFactory.StartOfTests.AddHours(-2), 30, "Attended"));

        work.OwnerAgency.Should().Be("PROBATION", "probation's work on a police case is probation's record");
        work.DataCategory.Should().Be("Offending");
    }

    [Fact]
    public async Task LogIntervention_ByAnAgencyOutsideTheScheme_IsNotFound()
    {
        var opened = await EnrolAsync("Outsider");

        var act = () => factory.SendAsAsync<InterventionView>(DemoUsers.FitKeyworker,
            new LogInterventionCommand(new CaseId(opened.Id), InterventionType.HomeVisit, CaseManagerFactory.StartOfTests.AddHours(-2)));

        await act.Should().ThrowAsync<NotFoundException>("FIT may not see the case at all, so it may not learn that it exists");
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
