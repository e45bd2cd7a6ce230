using CaseManager.Application.Cases;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Interventions;
using CaseManager.Application.Interventions.GetIntervention;
using CaseManager.Application.Interventions.LogIntervention;
using CaseManager.Application.People;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Application.Sharing;
using CaseManager.Application.Sharing.CreateSharingAgreement;
using CaseManager.Application.Treatment;
using CaseManager.Application.Treatment.ListTops;
using CaseManager.Application.Treatment.ListTreatmentInterventions;
using CaseManager.Application.Treatment.RecordTop;
using CaseManager.Application.Treatment.StartTreatmentIntervention;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Treatment;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Treatment records are health data (DOMAIN.md DT5, IS2): a police IOM worker reads a client's treatment only where
/// consent or an agreement with an Article 9 condition allows; each scenario on a database of its own.
/// </summary>
public sealed class TreatmentAccessTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private Task<SharingAgreementView> AgreementAsync(DataCategory category, bool consentRequired, string? condition) =>
        _factory.SendAsAsync<SharingAgreementView>(DemoUsers.InformationGovernance, new CreateSharingAgreementCommand(
            $"IOM and drug treatment: {category}", ["POLICE", "DAAT"], [category], [Scheme.Iom], LawfulBasis.PublicTask,
            condition, "Crime and Disorder Act 1998 s115", consentRequired, Today.AddDays(-30), null));

    /// <summary>A police IOM nominal whom the drug service also treats (identity shared for IOM), with a methadone script and a start TOP.</summary>
    private async Task<(PersonId Person, CaseId Treatment)> ClientInBothAsync()
    {
        await AgreementAsync(DataCategory.Identity, consentRequired: false, condition: null);
        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Dual", "Client", new DateOnly(1980, 5, 5)));
        await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker, new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), Today.AddDays(-60),
            Cohort: "Fixed", Tier: "Red", SelectionReason: "Panel selection"));
        var treatment = await _factory.SendAsAsync<CaseView>(DemoUsers.DaatWorker, TreatmentCaseTests.TreatmentCase(person.Id, Today.AddDays(-50)));
        var caseId = new CaseId(treatment.Id);
        await _factory.SendAsAsync<TreatmentInterventionView>(DemoUsers.DaatWorker, new StartTreatmentInterventionCommand(
            caseId, TreatmentInterventionType.Pharmacological, Today.AddDays(-50), Medication.Methadone, PrescribingMode.Maintenance));
        await _factory.SendAsAsync<TopRecordView>(DemoUsers.DaatWorker, new RecordTopCommand(caseId, TopStage.Start, Today.AddDays(-50), new TopAnswers { OpiateDays = 25 }));
        return (new PersonId(person.Id), caseId);
    }

    [Fact]
    public async Task PoliceIomWorker_WithoutAHealthAgreement_SeesNoTreatmentAndTheRefusalIsAudited()
    {
        var (person, treatment) = await ClientInBothAsync();

        var timeline = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.PoliceCaseworker, new GetTimelineQuery(person));
        var list = () => _factory.SendAsAsync<IReadOnlyList<TreatmentInterventionView>>(DemoUsers.PoliceCaseworker, new ListTreatmentInterventionsQuery(treatment));
        var tops = () => _factory.SendAsAsync<IReadOnlyList<TopRecordView>>(DemoUsers.PoliceCaseworker, new ListTopsQuery(treatment));

        timeline.Items.Should().NotContain(e => e.DataCategory == "HealthSubstanceMisuse");
        await list.Should().ThrowAsync<NotFoundException>();
        await tops.Should().ThrowAsync<NotFoundException>();
        var refused = await _factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.ActorEmail == DemoUsers.PoliceCaseworker && a.Outcome == AuditOutcome.Refused)
            .Select(a => a.Action).ToListAsync());
        refused.Should().Contain(["treatment-intervention.list", "top.list"]);
    }

    [Fact]
    public async Task PoliceIomWorker_UnderAnArticle9Agreement_ReadsTheTreatmentWithTheRuleShownAndAudited()
    {
        var (person, treatment) = await ClientInBothAsync();
        await AgreementAsync(DataCategory.HealthSubstanceMisuse, consentRequired: false, condition: "Article 9(2)(g): substantial public interest (preventing or detecting unlawful acts)");

        var interventions = await _factory.SendAsAsync<IReadOnlyList<TreatmentInterventionView>>(DemoUsers.PoliceCaseworker, new ListTreatmentInterventionsQuery(treatment));
        var tops = await _factory.SendAsAsync<IReadOnlyList<TopRecordView>>(DemoUsers.PoliceCaseworker, new ListTopsQuery(treatment));
        var view = await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker, new GetCaseQuery(treatment));

        interventions.Should().ContainSingle().Which.Access!.Rule.Should().Be(AccessRules.SharingAgreement);
        tops.Should().ContainSingle().Which.Access!.Rule.Should().Be(AccessRules.SharingAgreement);
        view.Treatment.Should().NotBeNull();
        var reads = await _factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.ActorEmail == DemoUsers.PoliceCaseworker && a.Outcome == AuditOutcome.Allowed && a.Rule == AccessRule.SharingAgreement)
            .Select(a => a.Action).ToListAsync());
        reads.Should().Contain(["treatment-intervention.read", "top.read"]);
        var timeline = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.PoliceCaseworker, new GetTimelineQuery(person));
        timeline.Items.Should().Contain(e => e.Kind == "TreatmentIntervention").And.Contain(e => e.Kind == "Top");
    }

    [Fact]
    public async Task PoliceIomWorker_UnderAConsentAgreement_ReadsTheTreatmentOnlyOnceTheClientConsents()
    {
        var (person, treatment) = await ClientInBothAsync();
        await AgreementAsync(DataCategory.HealthSubstanceMisuse, consentRequired: true, condition: null);
        var before = () => _factory.SendAsAsync<IReadOnlyList<TreatmentInterventionView>>(DemoUsers.PoliceCaseworker, new ListTreatmentInterventionsQuery(treatment));
        await before.Should().ThrowAsync<NotFoundException>();

        await _factory.SendAsAsync<ConsentView>(DemoUsers.DaatWorker, new RecordConsentCommand(
            person, Scheme.Iom, ["POLICE"], [DataCategory.HealthSubstanceMisuse], ConsentStatus.Given, ConsentGivenBy.Self, Today, Today.AddMonths(12), "Signed at assessment"));

        var after = await _factory.SendAsAsync<IReadOnlyList<TreatmentInterventionView>>(DemoUsers.PoliceCaseworker, new ListTreatmentInterventionsQuery(treatment));
        after.Should().ContainSingle().Which.Access!.Rule.Should().Be(AccessRules.Consent);
    }

    /// <summary>
    /// DT4, DT5: the treatment report counts another agency's episode only where the rule lets the reader read it, here
    /// once the client consents; the report reads the reader's own episodes and the shared ones apart, so the shared
    /// part must still find it (and count it once).
    /// </summary>
    [Fact]
    public async Task PoliceIomWorker_TreatmentReport_CountsTheClientOnlyOnceTheClientConsents()
    {
        var (person, _) = await ClientInBothAsync();
        await AgreementAsync(DataCategory.HealthSubstanceMisuse, consentRequired: true, condition: null);
        var report = () => _factory.SendAsAsync<TreatmentReportView>(DemoUsers.PoliceCaseworker, new TreatmentReportQuery(Today, Today.AddDays(-365), Today));
        var before = await report();

        await _factory.SendAsAsync<ConsentView>(DemoUsers.DaatWorker, new RecordConsentCommand(
            person, Scheme.Iom, ["POLICE"], [DataCategory.HealthSubstanceMisuse], ConsentStatus.Given, ConsentGivenBy.Self, Today, Today.AddMonths(12), "Signed at assessment"));
        var after = await report();
        var daat = await _factory.SendAsAsync<TreatmentReportView>(DemoUsers.DaatManager, new TreatmentReportQuery(Today, Today.AddDays(-365), Today));

        (after.InTreatment.Adults - before.InTreatment.Adults).Should().Be(1, "the consent opens the client's episode to the police, once");
        after.InTreatment.YoungPeople.Should().Be(before.InTreatment.YoungPeople);
        daat.InTreatment.Adults.Should().BeGreaterThanOrEqualTo(after.InTreatment.Adults, "DAAT owns every adult episode the police may read here");
    }

    /// <summary>
    /// DT5, IS2: keywork and contacts on a treatment case are health data, so an agreement that shares offending data
    /// for IOM (the client is also an IOM nominal) shares none of them, and a direct read is refused and audited.
    /// </summary>
    [Fact]
    public async Task PoliceIomWorker_WithOnlyAnOffendingAgreement_CannotReadKeyworkOrContactsOnTheTreatmentCase()
    {
        var (person, treatment) = await ClientInBothAsync();
        await AgreementAsync(DataCategory.Offending, consentRequired: false, condition: null);
        var keywork = await _factory.SendAsAsync<InterventionView>(DemoUsers.DaatWorker, new LogInterventionCommand(
            treatment, InterventionType.Keywork, CaseManagerFactory.StartOfTests.AddDays(-2), 45, "Attended", "Relapse prevention; talked about her family."));
        var visit = await _factory.SendAsAsync<InterventionView>(DemoUsers.DaatWorker, new LogInterventionCommand(
            treatment, InterventionType.HomeVisit, CaseManagerFactory.StartOfTests.AddDays(-1), 30, "Seen at home"));

        keywork.DataCategory.Should().Be(nameof(DataCategory.HealthSubstanceMisuse));
        visit.DataCategory.Should().Be(nameof(DataCategory.HealthSubstanceMisuse));
        var timeline = await _factory.SendAsAsync<Paged<TimelineEntry>>(DemoUsers.PoliceCaseworker, new GetTimelineQuery(person));
        timeline.Items.Should().NotContain(e => e.RecordId == keywork.Id || e.RecordId == visit.Id);
        var read = () => _factory.SendAsAsync<InterventionView>(DemoUsers.PoliceCaseworker, new GetInterventionQuery(treatment, new InterventionId(keywork.Id)));
        await read.Should().ThrowAsync<NotFoundException>();
        var refused = await _factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.ActorEmail == DemoUsers.PoliceCaseworker && a.Outcome == AuditOutcome.Refused)
            .Select(a => a.Action).ToListAsync());
        refused.Should().Contain("intervention.read");
        var stored = await _factory.QueryDbAsync(db => db.Interventions.Where(i => i.CaseId == treatment).Select(i => i.DataCategory).ToListAsync());
        stored.Should().HaveCount(2).And.OnlyContain(c => c == DataCategory.HealthSubstanceMisuse);
    }
}
