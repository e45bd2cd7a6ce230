using CaseManager.Application.Cases;
using CaseManager.Application.Cases.ListAllocatableWorkers;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.Domain.Users;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

public sealed class ListAllocatableWorkersTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    [Fact]
    public async Task ListAllocatableWorkers_ForTheOwningAgencysManager_GivesItsWorkersWithTheirWorkerRoles()
    {
        var opened = await EnrolAsync("Workers");

        var workers = await factory.SendAsAsync<IReadOnlyList<AllocatableWorker>>(DemoUsers.PoliceManager, new ListAllocatableWorkersQuery(new CaseId(opened.Id)));

        workers.Select(w => (w.DisplayName, w.Email, string.Join(",", w.Roles))).Should().Equal(
            ("Mark Hendry", DemoUsers.PoliceManager, nameof(Role.Manager)),
            ("Priya Shah", DemoUsers.PoliceCaseworker, nameof(Role.Caseworker)));
    }

    [Fact]
    public async Task ListAllocatableWorkers_ForACaseTheManagerCannotSee_IsNotFoundAndTheRefusalAudited()
    {
        var opened = await EnrolAsync("Unseen");

        var act = () => factory.SendAsAsync<IReadOnlyList<AllocatableWorker>>(DemoUsers.FitManager, new ListAllocatableWorkersQuery(new CaseId(opened.Id)));

        await act.Should().ThrowAsync<NotFoundException>();
        var refusal = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "case.allocatable-workers" && a.EntityId == opened.Id.ToString())
            .Select(a => new { a.Outcome, a.ActorEmail })
            .SingleAsync());
        refusal.Should().Be(new { Outcome = AuditOutcome.Refused, ActorEmail = DemoUsers.FitManager });
    }

    [Fact]
    public async Task ListAllocatableWorkers_ForASharedCaseOfAnotherAgency_IsForbidden()
    {
        var opened = await EnrolAsync("Shared");

        var act = () => factory.SendAsAsync<IReadOnlyList<AllocatableWorker>>(DemoUsers.ProbationManager, new ListAllocatableWorkersQuery(new CaseId(opened.Id)));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    private async Task<CaseView> EnrolAsync(string familyName)
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Allocation", familyName, new DateOnly(1991, 2, 3)));
        return await factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker, new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), new DateOnly(2026, 10, 1),
            Cohort: "Fixed", Tier: "Red", SelectionReason: "Panel selection"));
    }
}
