using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Offences;
using CaseManager.Application.Offences.RecordOffence;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.Outcomes.RecordEducation;
using CaseManager.Application.Outcomes.RecordEmployment;
using CaseManager.Application.Outcomes.RecordLocalCriterion;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Sharing;
using CaseManager.Application.Sharing.CreateSharingAgreement;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Application.TroubledFamilies.GetEligibility;
using CaseManager.Application.TroubledFamilies.ListTroubledFamilies;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;
using FluentValidation;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Troubled Families eligibility (TF1, TF4) through the mediator over hand-built families: the facts come from the
/// database through the access rule, so a partner sees the answer its records allow, and no more.
/// </summary>
public sealed class EligibilityTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Phase1_AFamilyMeetingCrimeEducationAndWork_IsEligibleWithTheRecordsAsEvidence()
    {
        var family = await FamilyAsync("Eligible", Scheme.TroubledFamilies);
        var offence = await _factory.SendAsAsync<OffenceView>(DemoUsers.FitKeyworker, new RecordOffenceCommand(family.Son, "Theft", Today.AddMonths(-3), Today.AddMonths(-2)));
        await ExclusionsAsync(family.Son, 3);
        var benefit = await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker,
            new RecordEmploymentCommand(family.Mother, EmploymentKind.OutOfWorkBenefit, Today.AddYears(-2), Benefit: BenefitType.Jsa));

        var result = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(family.Case, 1));

        result.Eligible.Should().BeTrue(result.Summary);
        result.Basis.Should().Contain("records you may see");
        result.Criteria.Select(c => (c.Code, c.Met)).Should().Equal(("CrimeAsb", true), ("Education", true), ("Work", true), ("Local", false));
        result.Criteria[0].Evidence.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = "Offence", RecordId = offence.Id, PersonId = family.Son.Value, On = Today.AddMonths(-3) });
        result.Criteria[1].Evidence.Should().HaveCount(3).And.OnlyContain(e => e.Kind == "Education" && e.PersonId == family.Son.Value);
        result.Criteria[2].Evidence.Should().ContainSingle().Which.RecordId.Should().Be(benefit.Id);
        var before = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(family.Case, 1, Today.AddMonths(-4)));
        before.Eligible.Should().BeFalse("as at four months ago the offence and exclusions had not happened");
    }

    [Fact]
    public async Task Phase1_ForAPartner_UsesOnlyWhatItMaySee_AndAMemberItMayNotSeeContributesNothing()
    {
        var family = await FamilyAsync("Partner", Scheme.TroubledFamilies);
        await _factory.SendAsAsync<OffenceView>(DemoUsers.FitKeyworker, new RecordOffenceCommand(family.Son, "Theft", Today.AddMonths(-3), Today.AddMonths(-2)));
        await ExclusionsAsync(family.Son, 3);
        await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker,
            new RecordEmploymentCommand(family.Mother, EmploymentKind.OutOfWorkBenefit, Today.AddYears(-2), Benefit: BenefitType.Esa));
        await _factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(family.Mother, AsbKind.AcceptableBehaviourContract, Today.AddMonths(-1)));
        await _factory.SendAsAsync<SharingAgreementView>(DemoUsers.InformationGovernance, new CreateSharingAgreementCommand(
            "Troubled Families with consent", ["FIT", "DAAT"], [DataCategory.Identity, DataCategory.Offending, DataCategory.EducationEmploymentBenefits, DataCategory.ChildrenSafeguarding],
            [Scheme.TroubledFamilies], LawfulBasis.Consent, null, "Children Act 2004 s10", ConsentRequired: true, Today.AddYears(-1), null));
        await _factory.SendAsAsync<ConsentView>(DemoUsers.FitKeyworker, new RecordConsentCommand(family.Mother, Scheme.TroubledFamilies, ["DAAT"],
            [DataCategory.Identity, DataCategory.Offending, DataCategory.EducationEmploymentBenefits, DataCategory.ChildrenSafeguarding], ConsentStatus.Given, ConsentGivenBy.Self, Today, null, null));

        var mine = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(family.Case, 1));
        var theirs = await _factory.SendAsAsync<EligibilityView>(DemoUsers.DaatWorker, new GetEligibilityQuery(family.Case, 1));

        mine.Eligible.Should().BeTrue(mine.Summary);
        theirs.Eligible.Should().BeFalse(theirs.Summary);
        theirs.Criteria.Where(c => c.Met).Select(c => c.Code).Should().Equal("CrimeAsb", "Work");
        theirs.Criteria.SelectMany(c => c.Evidence).Should().OnlyContain(e => e.PersonId == family.Mother.Value, "the son gave no consent, so DAAT sees nothing of his");
        theirs.Criteria.Single(c => c.Code == "Education").Found.Should().StartWith("Most fixed-term exclusions of one child: 0", "not even a count of the hidden exclusions shows");
        theirs.Basis.Should().Be(mine.Basis);
    }

    [Fact]
    public async Task Phase1_TwoCriteriaAndALocalOne_IsEligible_AndPhase2CountsTheLocalCriterionsProblem()
    {
        var family = await FamilyAsync("Local", Scheme.TroubledFamilies);
        await _factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(family.Mother, AsbKind.Injunction, Today.AddMonths(-2)));
        await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker,
            new RecordEmploymentCommand(family.Mother, EmploymentKind.OutOfWorkBenefit, Today.AddYears(-1), Benefit: BenefitType.UniversalCredit));
        var twoOnly = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(family.Case, 1));
        await _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker,
            new RecordLocalCriterionCommand(family.Case, "DomesticAbuse", "MARAC referral", family.Mother, Today.AddDays(-10)));

        var withLocal = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(family.Case, 1));
        var phase2 = await _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(family.Case, 2));

        twoOnly.Eligible.Should().BeFalse(twoOnly.Summary);
        twoOnly.Criteria.Single(c => c.Code == "Education").Missing.Should().Contain("15%");
        withLocal.Eligible.Should().BeTrue(withLocal.Summary);
        phase2.Eligible.Should().BeTrue(phase2.Summary);
        phase2.Criteria.Where(c => c.Met).Select(c => c.Code).Should().Equal("CrimeAsb", "Worklessness", "DomesticAbuse");
    }

    [Fact]
    public async Task GetEligibility_OnAPersonsCase_IsRefused_AndABadPhaseIsA400()
    {
        var person = new PersonId((await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Single", "Person", new DateOnly(1990, 1, 1)))).Id);
        var iom = await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker, new OpenCaseCommand(Scheme.Iom, person, Today, Cohort: "Fixed", SelectionReason: "Panel"));
        var family = await FamilyAsync("Phase", Scheme.TroubledFamilies);

        var onPersonCase = () => _factory.SendAsAsync<EligibilityView>(DemoUsers.PoliceCaseworker, new GetEligibilityQuery(new CaseId(iom.Id)));
        var badPhase = () => _factory.SendAsAsync<EligibilityView>(DemoUsers.FitKeyworker, new GetEligibilityQuery(family.Case, 3));
        var hidden = () => _factory.SendAsAsync<EligibilityView>(DemoUsers.PoliceCaseworker, new GetEligibilityQuery(family.Case));

        (await onPersonCase.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("eligibility.not-family-case");
        (await badPhase.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Phase");
        await hidden.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task ListTroubledFamilies_ShowsAttachedFamilies_AndEligibleHouseholdsNotAttached_ButNotIneligibleOnes()
    {
        var attached = await FamilyAsync("Attached", Scheme.TroubledFamilies);
        var notAttached = await FamilyAsync("Candidate", Scheme.Fit);
        var ineligible = await FamilyAsync("Ineligible", Scheme.Fit);
        foreach (var family in new[] { notAttached })
        {
            await _factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(family.Mother, AsbKind.Injunction, Today.AddMonths(-2)));
            await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker,
                new RecordEmploymentCommand(family.Mother, EmploymentKind.OutOfWorkBenefit, Today.AddYears(-1), Benefit: BenefitType.Jsa));
            await ExclusionsAsync(family.Son, 3);
        }

        await _factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(ineligible.Mother, AsbKind.Injunction, Today.AddMonths(-2)));

        var list = await _factory.SendAsAsync<TroubledFamiliesPage>(DemoUsers.FitKeyworker, new ListTroubledFamiliesQuery(1, PageSize: 200));

        var mine = list.Items.Where(i => new[] { attached.Household.Value, notAttached.Household.Value, ineligible.Household.Value }.Contains(i.HouseholdId)).ToList();
        mine.Should().BeEquivalentTo(
        [
            new { HouseholdId = attached.Household.Value, Attached = true, Eligible = false, CaseId = (Guid?)attached.Case.Value },
            new { HouseholdId = notAttached.Household.Value, Attached = false, Eligible = true, CaseId = (Guid?)null },
        ]);
        list.Items.Should().BeInDescendingOrder(i => i.Attached);
        list.Basis.Should().Contain("records you may see");
    }

    private async Task ExclusionsAsync(PersonId child, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker,
                new RecordEducationCommand(child, EducationKind.FixedTermExclusion, On: Today.AddDays(-7 - (i * 14)), Days: 2));
        }
    }

    private async Task<Family> FamilyAsync(string name, Scheme scheme)
    {
        var (household, mother, son) = await _factory.RecordFamilyAsync(name, Today.AddYears(-3));
        var opened = await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1), scheme);
        return new Family(household, new CaseId(opened.Id), mother, son);
    }

    private sealed record Family(HouseholdId Household, CaseId Case, PersonId Mother, PersonId Son);
}
