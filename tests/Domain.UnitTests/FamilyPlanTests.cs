using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Domain.UnitTests;

/// <summary>The whole-family assessment and the family plan (DOMAIN.md FAM1), at their edges.</summary>
public sealed class FamilyPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateOnly Start = new(2026, 10, 1);
    private static readonly AgencyCode Fit = AgencyCode.Parse("FIT");
    private static readonly AgencyCode Daat = AgencyCode.Parse("DAAT");

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void AddAction_IsDueNoEarlierThanTheCaseStarted(int daysFromStart, bool allowed)
    {
        var (familyCase, household, _) = Family();

        var act = () => FamilyPlanAction.Add(familyCase, household, "Visit", null, null, Daat, null, Start.AddDays(daysFromStart), Fit, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        if (allowed)
        {
            act().DueOn.Should().Be(Start.AddDays(daysFromStart));
        }
        else
        {
            act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("plan.due-before-start");
        }
    }

    [Theory]
    [InlineData(1, null, "Open")]
    [InlineData(0, null, "Open")]
    [InlineData(-1, null, "Overdue")]
    [InlineData(-1, 0, "Done")]
    public void Status_IsWorkedOutFromTheDueDateAndCompletion(int dueFromToday, int? doneFromToday, string expected)
    {
        var (familyCase, household, _) = Family();
        var action = FamilyPlanAction.Add(familyCase, household, "Visit", NeedArea.Housing, null, Fit, null, Today.AddDays(dueFromToday), Fit, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        if (doneFromToday is { } done)
        {
            action.Complete(familyCase, Today.AddDays(done), "Seen", Guid.NewGuid(), Today);
        }

        action.StatusOn(Today).ToString().Should().Be(expected);
    }

    [Fact]
    public void Complete_IsOnce_AndMovesTheVersion_AndNotInTheFutureNorBeforeTheStart()
    {
        var (familyCase, household, _) = Family();
        var action = FamilyPlanAction.Add(familyCase, household, "Visit", null, null, Fit, null, Today, Fit, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        var future = () => action.Complete(familyCase, Today.AddDays(1), null, Guid.NewGuid(), Today);
        var early = () => action.Complete(familyCase, Start.AddDays(-1), null, Guid.NewGuid(), Today);
        future.Should().Throw<DomainRuleException>().Which.Code.Should().Be("plan.completed-in-future");
        early.Should().Throw<DomainRuleException>().Which.Code.Should().Be("plan.completed-before-start");
        var version = action.Version;

        action.Complete(familyCase, Today, null, Guid.NewGuid(), Today);

        action.Version.Should().Be(version + 1);
        var again = () => action.Complete(familyCase, Today, null, Guid.NewGuid(), Today);
        again.Should().Throw<DomainRuleException>().Which.Code.Should().Be("plan.action-done");
    }

    [Fact]
    public void Assessment_OfAnUnknownArea_OrAboutSomeoneNotAMemberThatDay_IsRefused()
    {
        var (familyCase, household, member) = Family();

        var unknown = () => Assess(familyCase, household, Today, new AssessedNeed((NeedArea)99, null, null));
        var outsider = () => Assess(familyCase, household, Today, new AssessedNeed(NeedArea.Work, new PersonId(Guid.NewGuid()), null));
        var beforeStart = () => Assess(familyCase, household, Start.AddDays(-1));

        unknown.Should().Throw<DomainRuleException>().Which.Code.Should().Be("assessment.need-area");
        outsider.Should().Throw<DomainRuleException>().Which.Code.Should().Be("assessment.not-member");
        beforeStart.Should().Throw<DomainRuleException>().Which.Code.Should().Be("assessment.before-start");
        Assess(familyCase, household, Today, new AssessedNeed(NeedArea.Work, member, null)).Needs.Should().ContainSingle();
    }

    [Theory]
    [InlineData(NeedArea.Crime, DataCategory.Offending)]
    [InlineData(NeedArea.Asb, DataCategory.Offending)]
    [InlineData(NeedArea.MentalHealth, DataCategory.HealthSubstanceMisuse)]
    [InlineData(NeedArea.SubstanceMisuse, DataCategory.HealthSubstanceMisuse)]
    [InlineData(NeedArea.DomesticAbuse, DataCategory.VictimSensitive)]
    [InlineData(NeedArea.ChildrenNeedHelp, DataCategory.ChildrenSafeguarding)]
    [InlineData(NeedArea.Housing, DataCategory.EducationEmploymentBenefits)]
    public void ANeed_IsARecordInItsAreasDataCategory(NeedArea area, DataCategory category)
    {
        var (familyCase, household, _) = Family();

        Assess(familyCase, household, Today, new AssessedNeed(area, null, null)).Needs.Single().DataCategory.Should().Be(category);
    }

    [Fact]
    public void APersonsCase_HasNoFamilyRecords()
    {
        var personCase = Case.Open(new PersonId(Guid.NewGuid()), Scheme.Iom, AgencyCode.Parse("POLICE"), Start, null, DateTimeOffset.UnixEpoch, Today);
        var (_, household, _) = Family();

        var act = () => FamilyPlanAction.Add(personCase, household, "Visit", null, null, Fit, null, Today, Fit, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("family.not-family-case");
    }

    private static FamilyAssessment Assess(Case familyCase, Household household, DateOnly on, params AssessedNeed[] needs) =>
        FamilyAssessment.Record(familyCase, household, on, "Summary", null, needs, Fit, Guid.NewGuid(), DateTimeOffset.UnixEpoch, Today);

    private static (Case FamilyCase, Household Household, PersonId Member) Family()
    {
        var household = Household.Record("Marsh", null, Fit, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var member = new PersonId(Guid.NewGuid());
        household.AddMember(member, new DateOnly(1984, 1, 1), Relationship.ParentCarer, new DateOnly(2026, 1, 1), null);
        var familyCase = Case.OpenForHousehold(household.Id, Scheme.TroubledFamilies, Fit, Start, null, null, DateTimeOffset.UnixEpoch, Today);
        return (familyCase, household, member);
    }
}
