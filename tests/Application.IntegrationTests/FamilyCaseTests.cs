using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.EndHouseholdMembership;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.Households.ListPersonHouseholds;
using CaseManager.Application.Households.NameLeadProfessional;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Households, dated membership and family cases through the real pipeline and database (DOMAIN.md FAM1–FAM3), and
/// what a family case does to sharing (IS7b): DAAT reads FIT's records of a household's members only while the
/// household's Troubled Families case is open and only on the days they are members.
/// </summary>
public sealed class FamilyCaseTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AddMember_ShowsTheMembersWithTheirRelationshipsAndDates()
    {
        var (household, mother, son) = await _factory.RecordFamilyAsync("Dated", Today.AddMonths(-6));

        var view = await _factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new GetHouseholdQuery(household));

        view.OwnerAgency.Should().Be("FIT");
        view.DataCategory.Should().Be("Identity");
        view.Members.Select(m => (m.PersonId, m.Relationship, m.From, m.To)).Should().BeEquivalentTo(
        [
            (mother.Value, "ParentCarer", Today.AddMonths(-6), (DateOnly?)null),
            (son.Value, "Child", Today.AddMonths(-6), (DateOnly?)null),
        ]);
        var theirs = await _factory.SendAsAsync<Paged<PersonHouseholdItem>>(DemoUsers.FitKeyworker, new ListPersonHouseholdsQuery(son));
        theirs.Items.Should().ContainSingle().Which.HouseholdId.Should().Be(household.Value);
    }

    [Fact]
    public async Task AddMember_OverlappingTheSamePersonsMembership_IsRejectedAndChangesNothing()
    {
        var (household, mother, _) = await _factory.RecordFamilyAsync("Overlap", Today.AddMonths(-6));

        var act = () => _factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker,
            new AddHouseholdMemberCommand(household, mother, Relationship.ParentCarer, Today.AddMonths(-1)));

        (await act.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("household.already-member");
        var count = await _factory.QueryDbAsync(db => db.Households.Where(h => h.Id == household).SelectMany(h => h.Members).CountAsync());
        count.Should().Be(2);
    }

    [Fact]
    public async Task AddMember_ByAnAgencyThatMayNotSeeTheHousehold_IsNotFoundAndAudited()
    {
        var (household, mother, _) = await _factory.RecordFamilyAsync("Hidden", Today.AddMonths(-6));

        var act = () => _factory.SendAsAsync<HouseholdMemberView>(DemoUsers.PoliceCaseworker,
            new AddHouseholdMemberCommand(household, mother, Relationship.OtherAdult, Today));

        await act.Should().ThrowAsync<NotFoundException>();
        (await _factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "command.AddHouseholdMemberCommand" && a.Outcome != AuditOutcome.Allowed)))
            .Should().Be(1, "a refused change leaves a trace");
        (await _factory.QueryDbAsync(db => db.Households.Where(h => h.Id == household).SelectMany(h => h.Members).CountAsync())).Should().Be(2);
    }

    [Fact]
    public async Task OpenCase_InAFamilyScheme_NeedsAHouseholdNotAPerson()
    {
        var (household, mother, _) = await _factory.RecordFamilyAsync("Shape", Today.AddMonths(-6));

        var byPerson = () => _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new OpenCaseCommand(Scheme.TroubledFamilies, mother, Today));
        var iomByHousehold = () => _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, mother, Today, Cohort: "Fixed", SelectionReason: "Panel", HouseholdId: household));

        (await byPerson.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().Contain(e => e.PropertyName == "HouseholdId");
        (await iomByHousehold.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().Contain(e => e.PropertyName == "HouseholdId");
        (await _factory.QueryDbAsync(db => db.Cases.CountAsync(c => c.HouseholdId == household))).Should().Be(0);
    }

    [Fact]
    public async Task OpenCase_ForAHousehold_CarriesTheHouseholdAndLeadProfessional_AndIsListedOnIt()
    {
        var (household, _, _) = await _factory.RecordFamilyAsync("Enrolled", Today.AddMonths(-6));
        var keyworker = await _factory.ActorForAsync(DemoUsers.FitKeyworker);

        var opened = await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1), lead: keyworker.UserId);

        opened.HouseholdId.Should().Be(household.Value);
        opened.PersonId.Should().BeNull();
        opened.LeadProfessional.Should().Be(keyworker.UserId);
        opened.DataCategory.Should().Be("ChildrenSafeguarding");
        var view = await _factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new GetHouseholdQuery(household));
        view.Cases.Should().ContainSingle().Which.Id.Should().Be(opened.Id);
        var again = () => _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        (await again.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("case.already-open");
    }

    [Fact]
    public async Task AFamilyCase_LetsAPartnerInTheSchemeReadTheMembers_OnlyWhileItIsOpen()
    {
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.ChildrenSafeguarding]);
        var (household, mother, son) = await _factory.RecordFamilyAsync("Shared", Today.AddMonths(-6));
        var before = () => _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(mother));
        await before.Should().ThrowAsync<NotFoundException>("no case enrols the family yet");

        var opened = await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));

        var read = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(son));
        read.Access!.Rule.Should().Be(AccessRules.SharingAgreement, "IS7b: the household's case enrols every member");
        var familyCase = await _factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, new GetCaseQuery(new CaseId(opened.Id)));
        familyCase.Access!.Rule.Should().Be(AccessRules.SharingAgreement);
        var household2 = await _factory.SendAsAsync<HouseholdView>(DemoUsers.DaatWorker, new GetHouseholdQuery(household));
        household2.Members.Should().HaveCount(2);
        (await WorldDifferencesAsync()).Should().BeEmpty();

        await ExitAsync(opened.Id);

        var after = () => _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(mother));
        await after.Should().ThrowAsync<NotFoundException>("an exited family case enrols nobody");
        (await WorldDifferencesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task EndingAMembership_EndsThePartnersAccessToThatMember_AndLeavesThemOutOfTheHousehold()
    {
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.ChildrenSafeguarding]);
        var (household, mother, son) = await _factory.RecordFamilyAsync("Leaving", Today.AddMonths(-6));
        await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        var membership = (await _factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new GetHouseholdQuery(household))).Members.Single(m => m.PersonId == son.Value);

        await _factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new EndHouseholdMembershipCommand(household, membership.MemberId, Today.AddDays(-1)));

        var son2 = () => _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(son));
        await son2.Should().ThrowAsync<NotFoundException>("he left the household yesterday");
        (await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(mother))).Id.Should().Be(mother.Value);
        var daatView = await _factory.SendAsAsync<HouseholdView>(DemoUsers.DaatWorker, new GetHouseholdQuery(household));
        daatView.Members.Select(m => m.PersonId).Should().Equal([mother.Value], "a member the reader may not see is left out without a trace");
        var fitView = await _factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new GetHouseholdQuery(household));
        fitView.Members.Should().HaveCount(2);
        (await WorldDifferencesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task AddingAMember_ToAHouseholdWithAnOpenCase_MakesThemReadableFromTheDayTheyJoin()
    {
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.ChildrenSafeguarding]);
        var (household, _, _) = await _factory.RecordFamilyAsync("Joining", Today.AddMonths(-6));
        await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        var partner = await _factory.RegisterAsync("Joining", "Partner", new DateOnly(1985, 3, 3));

        await _factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new AddHouseholdMemberCommand(household, partner, Relationship.Partner, Today));

        (await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(partner))).Id.Should().Be(partner.Value);
        (await WorldDifferencesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task AFutureMembership_GivesNoAccessYet()
    {
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.ChildrenSafeguarding]);
        var (household, _, _) = await _factory.RecordFamilyAsync("Future", Today.AddMonths(-6));
        await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        var lodger = await _factory.RegisterAsync("Future", "Lodger", new DateOnly(1980, 3, 3));

        await _factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new AddHouseholdMemberCommand(household, lodger, Relationship.OtherAdult, Today.AddDays(1)));

        var act = () => _factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new GetPersonQuery(lodger));
        await act.Should().ThrowAsync<NotFoundException>();
        (await _factory.QueryDbAsync(db => db.SharingRights.CountAsync(r => r.PersonId == lodger && r.ValidFrom == Today.AddDays(1)))).Should().BeGreaterThan(0,
            "the right is kept with its first day, so it counts tomorrow without another save");
    }

    [Fact]
    public async Task NameLeadProfessional_WithAStaleOrMissingVersion_IsRefusedAndChangesNothing()
    {
        var (household, _, _) = await _factory.RecordFamilyAsync("Lead", Today.AddMonths(-6));
        var opened = await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        var manager = await _factory.ActorForAsync(DemoUsers.FitManager);
        (await _factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new CaseId(opened.Id)).Select(c => c.Version).SingleAsync())).Should().Be(opened.Version);

        var stale = () => _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new NameLeadProfessionalCommand(new CaseId(opened.Id), manager.UserId, opened.Version + 1));
        var missing = () => _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new NameLeadProfessionalCommand(new CaseId(opened.Id), manager.UserId, null));

        (await stale.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("concurrency.stale");
        (await missing.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().Contain(e => e.PropertyName == "Version");
        var named = await _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new NameLeadProfessionalCommand(new CaseId(opened.Id), manager.UserId, opened.Version));
        named.LeadProfessional.Should().Be(manager.UserId);
        named.Version.Should().Be(opened.Version + 1);
    }

    private async Task ExitAsync(Guid caseId)
    {
        await _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new NominateExitCommand(new CaseId(caseId), ExitReason.OutcomesAchieved, "Plan completed"));
        await _factory.SendAsAsync<CaseView>(DemoUsers.FitManager, new ApproveExitCommand(new CaseId(caseId)));
    }

    private Task<List<string>> WorldDifferencesAsync() => AccessModel.WorldDatabase.SharingRightsKeptUpDifferencesAsync(_factory);
}
