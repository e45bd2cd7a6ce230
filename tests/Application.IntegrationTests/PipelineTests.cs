using CaseManager.Application.Common;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.People.SearchPeople;
using CaseManager.Application.Users.DisableDormantAccounts;
using CaseManager.Domain.Auditing;
using CaseManager.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

public sealed class PipelineTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private static RegisterPersonCommand APerson(string familyName) => new("Casey", familyName, new DateOnly(1988, 8, 8));

    [Fact]
    public async Task RegisterPerson_SavesThePersonWithItsAuditEntriesInOneGo()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, APerson("Committed"));

        var stored = await factory.QueryDbAsync(db => db.People.AnyAsync(p => p.FamilyName == "Committed"));
        var entries = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.EntityId == person.Id.ToString() || (a.Action == "command.RegisterPersonCommand" && a.ActorEmail == DemoUsers.PoliceCaseworker))
            .Select(a => a.Action).ToListAsync());
        stored.Should().BeTrue();
        entries.Should().Contain(["person.create", "command.RegisterPersonCommand"]);
    }

    [Fact]
    public async Task RegisterPerson_ByAdministrator_IsForbiddenAndTheRefusalAudited()
    {
        var act = () => factory.SendAsAsync<PersonDetailsView>(DemoUsers.Administrator, APerson("Refused"));

        await act.Should().ThrowAsync<ForbiddenAccessException>();
        (await factory.QueryDbAsync(db => db.People.AnyAsync(p => p.FamilyName == "Refused"))).Should().BeFalse();
        var refusal = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "message.RegisterPersonCommand" && a.ActorEmail == DemoUsers.Administrator).SingleAsync());
        refusal.Outcome.Should().Be(AuditOutcome.Refused);
    }

    [Fact]
    public async Task RegisterPerson_WithInvalidInput_ThrowsValidationAndStoresNothing()
    {
        var act = () => factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("", "Invalid", null));

        var failure = await act.Should().ThrowAsync<ValidationException>();
        failure.Which.Errors.Select(e => e.PropertyName).Should().Contain(["GivenName", "DateOfBirth"]);
        (await factory.QueryDbAsync(db => db.People.AnyAsync(p => p.FamilyName == "Invalid"))).Should().BeFalse();
    }

    [Fact]
    public async Task AnyMessage_FromAnonymousActor_IsForbidden()
    {
        var act = () => factory.SendAsAsync<object>(Actor.Anonymous, new SearchPeopleQuery());

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Fact]
    public async Task SystemJobCommand_FromAUser_IsForbidden()
    {
        var act = () => factory.SendAsAsync<int>(DemoUsers.Administrator, new DisableDormantAccountsCommand());

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }

    [Fact]
    public async Task CaseQueries_FromTheSystemActor_AreForbidden()
    {
        var act = () => factory.SendAsAsync<object>(Actor.System, new SearchPeopleQuery());

        await act.Should().ThrowAsync<ForbiddenAccessException>();
    }
}
