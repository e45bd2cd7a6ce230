using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Families;
using CaseManager.Application.Families.AddPlanAction;
using CaseManager.Application.Families.CompletePlanAction;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Application.Families.ListAssessments;
using CaseManager.Application.Families.RecordAssessment;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Sharing;
using CaseManager.Application.Users.GetMySummary;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// The whole-family assessment and the family plan through the real pipeline and database (DOMAIN.md FAM1): read as
/// the family case is read through the access rule (IS7, IS7b), kept by the owning agency or lead professional, each
/// plan action completed by the agency whose action it is; bad input changes nothing and concurrent edits lose nothing.
/// </summary>
public sealed class FamilyPlanTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task RecordAssessment_KeepsNeedsPerMemberAndForTheFamily_AndListsTheLatestFirst()
    {
        var family = await FamilyCaseAsync("Assessed");
        await AssessAsync(family, Today.AddDays(-20), "First look", new AssessmentNeedInput(NeedArea.Housing));

        var latest = await AssessAsync(family, Today.AddDays(-1), "Rent arrears and a son out of school",
            new AssessmentNeedInput(NeedArea.Finance, Detail: "Rent arrears"),
            new AssessmentNeedInput(NeedArea.Education, family.Son.Value, "Not attending since October"),
            new AssessmentNeedInput(NeedArea.Education, family.Son.Value, "Said twice"));

        latest.OwnerAgency.Should().Be("FIT");
        latest.Needs.Select(n => (n.Area, n.PersonId, n.DataCategory)).Should().BeEquivalentTo(
        [
            ("Finance", (Guid?)null, "EducationEmploymentBenefits"),
            ("Education", (Guid?)family.Son.Value, "EducationEmploymentBenefits"),
        ], "the same need twice is one need");
        var listed = await _factory.SendAsAsync<IReadOnlyList<FamilyAssessmentView>>(DemoUsers.FitKeyworker, new ListAssessmentsQuery(family.CaseId));
        listed.Select(a => a.Summary).Should().Equal("Rent arrears and a son out of school", "First look");
        listed[0].Needs.Single(n => n.PersonId is not null).PersonName.Should().Be("Son Assessed");
        (await _factory.QueryDbAsync(db => db.Cases.AnyAsync(c => c.Id == family.CaseId && c.Version == family.Version)))
            .Should().BeTrue("the assessment lives outside the case, so recording one does not change the case");
    }

    [Fact]
    public async Task RecordAssessment_WithAnUnknownNeedArea_IsRefusedAndChangesNothing()
    {
        var family = await FamilyCaseAsync("Unknown");

        var act = () => AssessAsync(family, Today, "Summary", new AssessmentNeedInput(NeedArea.Crime), new AssessmentNeedInput((NeedArea)99));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().Contain(e => e.PropertyName.Contains("Area"));
        (await _factory.QueryDbAsync(db => db.FamilyAssessments.CountAsync(a => a.CaseId == family.CaseId))).Should().Be(0);
        (await _factory.QueryDbAsync(db => db.FamilyAssessmentNeeds.CountAsync(a => a.CaseId == family.CaseId))).Should().Be(0);
    }

    [Fact]
    public async Task RecordAssessment_ForSomeoneWhoWasNotAMemberThatDay_IsRefusedAndChangesNothing()
    {
        var family = await FamilyCaseAsync("Outsider");
        var lodger = await _factory.RegisterAsync("Outsider", "Lodger", new DateOnly(1980, 1, 1));
        await _factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new AddHouseholdMemberCommand(family.Household, lodger, Relationship.OtherAdult, Today));

        var act = () => AssessAsync(family, Today.AddDays(-3), "Summary", new AssessmentNeedInput(NeedArea.Work, lodger.Value));

        (await act.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("assessment.not-member");
        (await _factory.QueryDbAsync(db => db.FamilyAssessments.CountAsync(a => a.CaseId == family.CaseId))).Should().Be(0);
    }

    [Fact]
    public async Task Assessments_AreReadAsTheFamilyCaseIs_AndAPartnerSeesOnlyTheNeedsItsAgreementCovers()
    {
        await AgreementAsync();
        var family = await FamilyCaseAsync("Partner");
        await AssessAsync(family, Today, "Summary",
            new AssessmentNeedInput(NeedArea.ChildrenNeedHelp, family.Son.Value),
            new AssessmentNeedInput(NeedArea.MentalHealth, family.Mother.Value, "Anxiety"));

        var daat = await _factory.SendAsAsync<IReadOnlyList<FamilyAssessmentView>>(DemoUsers.DaatWorker, new ListAssessmentsQuery(family.CaseId));
        var police = () => _factory.SendAsAsync<IReadOnlyList<FamilyAssessmentView>>(DemoUsers.PoliceCaseworker, new ListAssessmentsQuery(family.CaseId));
        var daatRecords = () => AssessAsync(family, Today, "Mine", DemoUsers.DaatWorker);

        daat.Should().ContainSingle().Which.Needs.Should().ContainSingle().Which.Area.Should().Be("ChildrenNeedHelp",
            "the agreement shares safeguarding data, not health data: the mental health need is left out without a trace");
        daat[0].Needs[0].Access!.Rule.Should().Be(AccessRules.SharingAgreement);
        await police.Should().ThrowAsync<NotFoundException>("the police may not read this family case");
        await daatRecords.Should().ThrowAsync<ForbiddenAccessException>("only the owning agency or the lead professional keeps the assessment");
    }

    [Fact]
    public async Task AddPlanAction_DueBeforeTheCaseStarted_IsRefusedAndChangesNothing()
    {
        var family = await FamilyCaseAsync("Early");

        var early = () => AddActionAsync(family, "Too early", "FIT", family.StartDate.AddDays(-1));
        var unknownNeed = () => _factory.SendAsAsync<PlanActionView>(DemoUsers.FitKeyworker,
            new AddPlanActionCommand(family.CaseId, "Odd need", "FIT", Today, (NeedArea)42));

        (await early.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().Contain(e => e.PropertyName == "DueOn");
        (await unknownNeed.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().Contain(e => e.PropertyName == "Need");
        (await _factory.QueryDbAsync(db => db.FamilyPlanActions.CountAsync(a => a.CaseId == family.CaseId))).Should().Be(0);
        var onTheFirstDay = await AddActionAsync(family, "On the first day", "FIT", family.StartDate);
        onTheFirstDay.Status.Should().Be("Overdue", "it was due a month ago and is not done");
    }

    [Fact]
    public async Task APartnerAgency_CompletesItsOwnAction_ButNotAnotherAgencys()
    {
        await AgreementAsync();
        var family = await FamilyCaseAsync("Owned");
        var daatWorker = await _factory.ActorForAsync(DemoUsers.DaatWorker);
        var theirs = await AddActionAsync(family, "Alcohol assessment for mum", "DAAT", Today.AddDays(7), family.Mother.Value, daatWorker.UserId);
        var ours = await AddActionAsync(family, "School meeting", "FIT", Today.AddDays(3));

        var plan = await _factory.SendAsAsync<FamilyPlanView>(DemoUsers.DaatWorker, new GetPlanQuery(family.CaseId));
        plan.CanAddActions.Should().BeFalse();
        plan.Actions.Should().HaveCount(2);
        plan.Actions.Single(a => a.Id == theirs.Id).CanComplete.Should().BeTrue();
        plan.Actions.Single(a => a.Id == ours.Id).CanComplete.Should().BeFalse();
        var notTheirs = () => _factory.SendAsAsync<PlanActionView>(DemoUsers.DaatWorker, new CompletePlanActionCommand(family.CaseId, new FamilyPlanActionId(ours.Id), Today));
        await notTheirs.Should().ThrowAsync<ForbiddenAccessException>();
        var adding = () => AddActionAsync(family, "By DAAT", "DAAT", Today, by: DemoUsers.DaatWorker);
        await adding.Should().ThrowAsync<ForbiddenAccessException>();
        (await _factory.SendAsAsync<MySummary>(DemoUsers.DaatWorker, new GetMySummaryQuery())).PlanActionsDue.Should().Be(1);

        var done = await _factory.SendAsAsync<PlanActionView>(DemoUsers.DaatWorker,
            new CompletePlanActionCommand(family.CaseId, new FamilyPlanActionId(theirs.Id), Today, "Seen at the hub", theirs.Version));

        done.Status.Should().Be("Done");
        done.Note.Should().Be("Seen at the hub");
        (await _factory.SendAsAsync<MySummary>(DemoUsers.DaatWorker, new GetMySummaryQuery())).PlanActionsDue.Should().Be(0);
        var again = () => _factory.SendAsAsync<PlanActionView>(DemoUsers.DaatWorker, new CompletePlanActionCommand(family.CaseId, new FamilyPlanActionId(theirs.Id), Today));
        (await again.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("plan.action-done");
        var police = () => _factory.SendAsAsync<FamilyPlanView>(DemoUsers.PoliceCaseworker, new GetPlanQuery(family.CaseId));
        await police.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task ConcurrentEditsOfOnePlan_LoseNothing()
    {
        var family = await FamilyCaseAsync("Concurrent");
        var first = await AddActionAsync(family, "First", "FIT", Today.AddDays(5));

        // Several workers add actions at once: each action is its own row, so every one is kept.
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => AddActionAsync(family, $"Added at once {i}", "FIT", Today.AddDays(i))));

        // Two complete the same action from the same version: one wins, the other is told, and the winner's note stands.
        var completions = await Task.WhenAll(new[] { "Note A", "Note B" }.Select(async note =>
        {
            try
            {
                return (note, (Exception?)null, await _factory.SendAsAsync<PlanActionView>(DemoUsers.FitKeyworker,
                    new CompletePlanActionCommand(family.CaseId, new FamilyPlanActionId(first.Id), Today, note, first.Version)));
            }
            catch (Exception e) when (e is DomainRuleException or DbUpdateConcurrencyException)
            {
                return (note, e, (PlanActionView?)null);
            }
        }));

        var plan = await _factory.SendAsAsync<FamilyPlanView>(DemoUsers.FitKeyworker, new GetPlanQuery(family.CaseId));
        plan.Actions.Should().HaveCount(7);
        completions.Count(c => c.Item2 is null).Should().Be(1);
        var winner = completions.Single(c => c.Item2 is null).note;
        plan.Actions.Single(a => a.Id == first.Id).Note.Should().Be(winner);
        var stale = () => _factory.SendAsAsync<PlanActionView>(DemoUsers.FitKeyworker,
            new CompletePlanActionCommand(family.CaseId, new FamilyPlanActionId(plan.Actions.First(a => a.Id != first.Id).Id), Today, null, 7));
        (await stale.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("concurrency.stale");
    }

    [Fact]
    public async Task AnExitedFamilyCase_TakesNoNewActionsOrAssessments_ButItsPlanIsStillRead()
    {
        var family = await FamilyCaseAsync("Exited");
        var action = await AddActionAsync(family, "Before the exit", "FIT", Today.AddDays(2));
        await _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new NominateExitCommand(family.CaseId, ExitReason.OutcomesAchieved, "Done"));
        await _factory.SendAsAsync<CaseView>(DemoUsers.FitManager, new ApproveExitCommand(family.CaseId));

        var adding = () => AddActionAsync(family, "After the exit", "FIT", Today);
        var assessing = () => AssessAsync(family, Today, "After the exit");
        var completing = () => _factory.SendAsAsync<PlanActionView>(DemoUsers.FitKeyworker, new CompletePlanActionCommand(family.CaseId, new FamilyPlanActionId(action.Id), Today));

        (await adding.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("case.exited");
        (await assessing.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("case.exited");
        (await completing.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("case.exited");
        var plan = await _factory.SendAsAsync<FamilyPlanView>(DemoUsers.FitKeyworker, new GetPlanQuery(family.CaseId));
        plan.Actions.Should().ContainSingle().Which.CanComplete.Should().BeFalse();
    }

    [Fact]
    public async Task APersonsCase_HasNoFamilyPlan()
    {
        var person = new PersonId((await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker,
            new RegisterPersonCommand("Person", "Single", new DateOnly(1990, 1, 1)))).Id);
        var opened = await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, person, Today, Cohort: "Fixed", SelectionReason: "Panel"));

        var act = () => _factory.SendAsAsync<FamilyPlanView>(DemoUsers.PoliceCaseworker, new GetPlanQuery(new CaseId(opened.Id)));

        (await act.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("family.not-family-case");
    }

    private Task<FamilyAssessmentView> AssessAsync(Family family, DateOnly on, string summary, params AssessmentNeedInput[] needs) =>
        AssessAsync(family, on, summary, DemoUsers.FitKeyworker, needs);

    private Task<FamilyAssessmentView> AssessAsync(Family family, DateOnly on, string summary, string by, params AssessmentNeedInput[] needs) =>
        _factory.SendAsAsync<FamilyAssessmentView>(by, new RecordAssessmentCommand(family.CaseId, on, summary, needs, "Close to grandparents"));

    private Task<PlanActionView> AddActionAsync(Family family, string description, string owner, DateOnly due, Guid? forPerson = null, Guid? assignedTo = null, string by = DemoUsers.FitKeyworker) =>
        _factory.SendAsAsync<PlanActionView>(by, new AddPlanActionCommand(family.CaseId, description, owner, due, null, forPerson, assignedTo));

    private async Task<Family> FamilyCaseAsync(string name)
    {
        var (household, mother, son) = await _factory.RecordFamilyAsync(name, Today.AddMonths(-6));
        var opened = await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        return new Family(new CaseId(opened.Id), household, mother, son, opened.StartDate, opened.Version);
    }

    /// <summary>FIT and DAAT share identity and safeguarding records (not health) for Troubled Families without consent.</summary>
    private Task<SharingAgreementView> AgreementAsync() =>
        _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.ChildrenSafeguarding]);

    private sealed record Family(CaseId CaseId, HouseholdId Household, PersonId Mother, PersonId Son, DateOnly StartDate, int Version);
}
