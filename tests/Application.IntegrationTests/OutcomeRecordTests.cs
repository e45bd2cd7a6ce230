using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.EndEmployment;
using CaseManager.Application.Outcomes.GetLocalCriterion;
using CaseManager.Application.Outcomes.ListAsb;
using CaseManager.Application.Outcomes.ListEducation;
using CaseManager.Application.Outcomes.ListLocalCriteria;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.Outcomes.RecordEducation;
using CaseManager.Application.Outcomes.RecordEmployment;
using CaseManager.Application.Outcomes.RecordLocalCriterion;
using CaseManager.Application.People;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Outcome records through the real pipeline and database (API.md "Outcome records"): each kind's fields, the
/// local criteria on a family case, and reads through the access rule (IS7, IS7b) on lists, the timeline and the
/// subject access export.
/// </summary>
public sealed class OutcomeRecordTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task RecordEducation_WithAFieldTheKindDoesNotTake_IsRejectedAndNothingIsStored()
    {
        var (_, _, son) = await _factory.RecordFamilyAsync("Fields", Today.AddMonths(-6));

        var exclusionWithTerm = () => _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker,
            new RecordEducationCommand(son, EducationKind.FixedTermExclusion, On: Today.AddDays(-3), Term: "2026-Autumn", Days: 2));
        var attendanceWithoutSessions = () => _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker,
            new RecordEducationCommand(son, EducationKind.TermAttendance, Term: "2026-Autumn", On: Today));
        var badTerm = () => _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker,
            new RecordEducationCommand(son, EducationKind.TermAttendance, Term: "2026-Winter", SessionsPossible: 100, UnauthorisedAbsenceSessions: 5));
        var moreAbsentThanPossible = () => _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker,
            new RecordEducationCommand(son, EducationKind.TermAttendance, Term: "2026-Spring", SessionsPossible: 100, UnauthorisedAbsenceSessions: 101));

        (await exclusionWithTerm.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should().Equal("Term");
        (await attendanceWithoutSessions.Should().ThrowAsync<ValidationException>()).Which.Errors.Select(e => e.PropertyName).Should()
            .BeEquivalentTo(["On", "SessionsPossible", "UnauthorisedAbsenceSessions"]);
        (await badTerm.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Term");
        (await moreAbsentThanPossible.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "UnauthorisedAbsenceSessions");
        (await _factory.QueryDbAsync(db => db.EducationRecords.CountAsync(r => r.PersonId == son))).Should().Be(0);
    }

    [Fact]
    public async Task RecordEducation_EachKind_IsStoredWithItsOwnFieldsAndListedNewestFirst()
    {
        var (_, _, son) = await _factory.RecordFamilyAsync("Kinds", Today.AddMonths(-6));

        await _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker, new RecordEducationCommand(son, EducationKind.TermAttendance,
            Term: "2026-summer", SessionsPossible: 120, UnauthorisedAbsenceSessions: 18));
        await _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker, new RecordEducationCommand(son, EducationKind.FixedTermExclusion, On: Today.AddDays(-2), Days: 3));
        await _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker, new RecordEducationCommand(son, EducationKind.PermanentExclusion, On: Today.AddDays(-1)));

        var listed = await _factory.SendAsAsync<Paged<EducationRecordView>>(DemoUsers.FitKeyworker, new ListEducationQuery(son));
        listed.Items.Select(r => r.Kind).Should().Equal("PermanentExclusion", "FixedTermExclusion", "TermAttendance");
        var attendance = listed.Items[2];
        attendance.Term.Should().Be("2026-Summer");
        attendance.UnauthorisedAbsencePercent.Should().Be(15.0m);
        attendance.DataCategory.Should().Be("EducationEmploymentBenefits");
        attendance.OwnerAgency.Should().Be("FIT");
        listed.Items[1].Days.Should().Be(3);
    }

    [Fact]
    public async Task AsbRecords_OfAnotherAgency_AreReadOnlyUnderAnAgreementWhileTheFamilyIsEnrolled()
    {
        var (household, mother, _) = await _factory.RecordFamilyAsync("Asb", Today.AddMonths(-6));
        await _factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(mother, AsbKind.Injunction, Today.AddDays(-10), "Noise injunction"));
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.Offending], "DPA 2018 Schedule 1 paragraph 18");

        var beforeEnrolment = () => _factory.SendAsAsync<Paged<AsbRecordView>>(DemoUsers.DaatWorker, new ListAsbQuery(mother));
        await beforeEnrolment.Should().ThrowAsync<NotFoundException>("the person is not enrolled in a scheme DAAT shares in");
        await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));

        var shared = await _factory.SendAsAsync<Paged<AsbRecordView>>(DemoUsers.DaatWorker, new ListAsbQuery(mother));
        var record = shared.Items.Should().ContainSingle().Subject;
        record.Kind.Should().Be("Injunction");
        record.DataCategory.Should().Be("Offending");
        record.Access!.Rule.Should().Be(AccessRules.SharingAgreement);
        var timeline = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.DaatWorker, new GetTimelineQuery(mother));
        timeline.Items.Should().ContainSingle(e => e.Kind == "Asb").Which.Title.Should().Be("Anti-social behaviour: injunction");
    }

    [Fact]
    public async Task LocalCriteria_AboutTheFamily_AreReadAsTheFamilyCaseIs_AndDomesticAbuseIsNeverShared()
    {
        var (household, _, son) = await _factory.RecordFamilyAsync("Local", Today.AddMonths(-6));
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.ChildrenSafeguarding], "DPA 2018 Schedule 1 paragraph 18");
        var familyCase = await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        var caseId = new CaseId(familyCase.Id);

        var plan = await _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker,
            new RecordLocalCriterionCommand(caseId, "childprotectionplan", "Child protection conference 3 November", son, Today.AddDays(-20)));
        var abuse = await _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker,
            new RecordLocalCriterionCommand(caseId, "DomesticAbuse", "MARAC referral"));

        plan.Criterion.Should().Be("ChildProtectionPlan");
        plan.DataCategory.Should().Be("ChildrenSafeguarding");
        abuse.DataCategory.Should().Be("VictimSensitive");
        abuse.PersonId.Should().BeNull();
        abuse.On.Should().Be(Today);
        var partner = await _factory.SendAsAsync<IReadOnlyList<LocalCriterionRecordView>>(DemoUsers.DaatWorker, new ListLocalCriteriaQuery(caseId));
        partner.Select(r => r.Id).Should().Equal(plan.Id);
        var hidden = () => _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.DaatWorker, new GetLocalCriterionQuery(caseId, new LocalCriterionRecordId(abuse.Id)));
        await hidden.Should().ThrowAsync<NotFoundException>("victim-sensitive records are never shared by agreement (IS7)");
        var own = await _factory.SendAsAsync<IReadOnlyList<LocalCriterionRecordView>>(DemoUsers.FitKeyworker, new ListLocalCriteriaQuery(caseId));
        own.Should().HaveCount(2);
    }

    [Fact]
    public async Task RecordLocalCriterion_RefusesAnUnknownCriterion_ANonMember_AndAPersonCase()
    {
        var (household, _, _) = await _factory.RecordFamilyAsync("Refused", Today.AddMonths(-6));
        var familyCase = new CaseId((await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1))).Id);
        var stranger = await _factory.RegisterAsync("Refused", "Stranger", new DateOnly(1990, 1, 1));
        var offender = new PersonId((await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker,
            new RegisterPersonCommand("Offender", "Refused", new DateOnly(1991, 2, 3)))).Id);
        var personCase = await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, offender, Today, Cohort: "Fixed", SelectionReason: "Panel"));

        var unknown = () => _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker, new RecordLocalCriterionCommand(familyCase, "Truancy", "Evidence"));
        var notMember = () => _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker, new RecordLocalCriterionCommand(familyCase, "RiskOfEviction", "Notice", stranger));
        var onPersonCase = () => _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.PoliceCaseworker,
            new RecordLocalCriterionCommand(new CaseId(personCase.Id), "MemberInCustody", "Remanded"));
        var noEvidence = () => _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker, new RecordLocalCriterionCommand(familyCase, "RiskOfEviction", " "));

        (await unknown.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Criterion");
        (await notMember.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("local-criterion.not-member");
        (await onPersonCase.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("local-criterion.not-family-case");
        (await noEvidence.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Evidence");
        (await _factory.QueryDbAsync(db => db.LocalCriterionRecords.CountAsync(r => r.CaseId == familyCase || r.CaseId == new CaseId(personCase.Id)))).Should().Be(0);
    }

    [Fact]
    public async Task EndEmployment_ByTheRecordingAgency_EndsTheSpellOnce_AndNobodyElseMayEndIt()
    {
        var (household, mother, _) = await _factory.RecordFamilyAsync("Work", Today.AddMonths(-6));
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.EducationEmploymentBenefits], "DPA 2018 Schedule 1 paragraph 18");
        await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1));
        var benefit = await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker,
            new RecordEmploymentCommand(mother, EmploymentKind.OutOfWorkBenefit, Today.AddYears(-1), Benefit: BenefitType.Jsa));
        var noBenefit = await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker, new RecordEmploymentCommand(mother, EmploymentKind.OutOfWorkBenefit, Today));
        var benefitOnWork = () => _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker,
            new RecordEmploymentCommand(mother, EmploymentKind.InWork, Today, Benefit: BenefitType.Esa));
        noBenefit.Benefit.Should().Be("Other");
        (await benefitOnWork.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Benefit");

        var byPartner = () => _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.DaatWorker, new EndEmploymentCommand(mother, new EmploymentRecordId(benefit.Id), Today));
        await byPartner.Should().ThrowAsync<ForbiddenAccessException>();
        var ended = await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker, new EndEmploymentCommand(mother, new EmploymentRecordId(benefit.Id), Today.AddDays(-7)));
        var twice = () => _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker, new EndEmploymentCommand(mother, new EmploymentRecordId(benefit.Id), Today));

        ended.To.Should().Be(Today.AddDays(-7));
        ended.Benefit.Should().Be("Jsa");
        (await twice.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("employment.already-ended");
    }

    [Fact]
    public async Task SubjectAccessExport_HoldsEveryOutcomeRecord_IncludingCriteriaAboutTheirHousehold()
    {
        var (household, mother, son) = await _factory.RecordFamilyAsync("Export", Today.AddMonths(-6));
        var familyCase = new CaseId((await _factory.OpenFamilyCaseAsync(household, Today.AddMonths(-1))).Id);
        await _factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(son, AsbKind.Warning, Today));
        await _factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker, new RecordEducationCommand(son, EducationKind.NotOnRoll, On: Today.AddDays(-30)));
        await _factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker, new RecordEmploymentCommand(mother, EmploymentKind.WorkProgramme, Today));
        await _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker, new RecordLocalCriterionCommand(familyCase, "RiskOfEviction", "Notice seeking possession"));
        await _factory.SendAsAsync<LocalCriterionRecordView>(DemoUsers.FitKeyworker, new RecordLocalCriterionCommand(familyCase, "SubstanceMisuse", "Referred", mother));

        var sons = await _factory.SendAsAsync<SubjectAccessExport>(DemoUsers.InformationGovernance, new ExportSubjectAccessQuery(son));
        var mothers = await _factory.SendAsAsync<SubjectAccessExport>(DemoUsers.InformationGovernance, new ExportSubjectAccessQuery(mother));

        sons.Of("asb").Should().ContainSingle();
        sons.Of("education").Should().ContainSingle();
        sons.Of("employment").Should().BeEmpty();
        sons.Of("localCriteria").Select(r => ((LocalCriterionRecordView)r.Record).Criterion).Should().Equal("RiskOfEviction");
        mothers.Of("employment").Should().ContainSingle();
        mothers.Of("localCriteria").Select(r => ((LocalCriterionRecordView)r.Record).Criterion).Should().BeEquivalentTo(["RiskOfEviction", "SubstanceMisuse"]);
    }
}
