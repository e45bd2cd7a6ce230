using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;

namespace CaseManager.Application.Treatment;

/// <summary>A treatment case's episode as the case view shows it (API.md "Substance misuse treatment").</summary>
public sealed record TreatmentView(
    DateOnly ReferralDate,
    string ReferralSource,
    DateOnly? TriageDate,
    [property: NamesOf(typeof(Scheme))] string Service,
    [property: NamesOf(typeof(TreatmentSubstance))] string PrimarySubstance,
    [property: NamesOf(typeof(TreatmentSubstance))] string? SecondarySubstance,
    [property: NamesOf(typeof(TreatmentSubstance))] string? TertiarySubstance,
    string InjectingStatus,
    bool OpiateClient,
    Guid? CareCoordinator,
    string? CareCoordinatorName,
    DateOnly? DischargedOn,
    [property: NamesOf(typeof(ExitReason))] string? DischargeReason,
    bool? SuccessfulCompletion,
    bool? Representation,
    bool? Rereferral);

public sealed record TreatmentInterventionView(
    Guid Id,
    Guid CaseId,
    Guid PersonId,
    [property: NamesOf(typeof(TreatmentInterventionType))] string Type,
    string? Medication,
    [property: NamesOf(typeof(PrescribingMode))] string? Mode,
    DateOnly StartDate,
    DateOnly? EndDate,
    string OwnerAgency,
    string DataCategory,
    Guid RecordedBy,
    string? RecordedByName,
    DateTimeOffset RecordedAt,
    RecordAccessExplanation? Access)
{
    public static TreatmentInterventionView From(TreatmentIntervention given, string? recordedByName, RecordAccessExplanation? access) => new(
        given.Id.Value,
        given.CaseId.Value,
        given.PersonId.Value,
        given.Type.ToString(),
        given.Medication?.ToString(),
        given.Mode?.ToString(),
        given.StartDate,
        given.EndDate,
        given.OwnerAgency.Value,
        given.DataCategory.ToString(),
        given.RecordedBy,
        recordedByName,
        given.RecordedAt,
        access);
}

public sealed record TopRecordView(
    Guid Id,
    Guid CaseId,
    Guid PersonId,
    [property: NamesOf(typeof(TopStage))] string Stage,
    DateOnly CompletedOn,
    TopAnswers Answers,
    string OwnerAgency,
    string DataCategory,
    Guid RecordedBy,
    string? RecordedByName,
    DateTimeOffset RecordedAt,
    RecordAccessExplanation? Access)
{
    public static TopRecordView From(TopRecord top, string? recordedByName, RecordAccessExplanation? access) => new(
        top.Id.Value,
        top.CaseId.Value,
        top.PersonId.Value,
        top.Stage.ToString(),
        top.CompletedOn,
        top.Answers,
        top.OwnerAgency.Value,
        top.DataCategory.ToString(),
        top.RecordedBy,
        recordedByName,
        top.RecordedAt,
        access);
}
