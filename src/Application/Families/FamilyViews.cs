using CaseManager.Application.Common.Access;

namespace CaseManager.Application.Families;

/// <summary>A whole-family assessment (API.md "Households and families"), with the needs the reader may see.</summary>
public sealed record FamilyAssessmentView(
    Guid Id,
    Guid CaseId,
    Guid HouseholdId,
    string OwnerAgency,
    DateOnly CompletedOn,
    string Summary,
    string? Strengths,
    IReadOnlyList<AssessmentNeedView> Needs,
    DateTimeOffset RecordedAt);

/// <summary>One need: its area, the member it is about (null for the family) and its data category.</summary>
public sealed record AssessmentNeedView(
    string Area,
    Guid? PersonId,
    string? PersonName,
    string? Detail,
    string DataCategory,
    RecordAccessExplanation? Access = null);

/// <summary>A family case's plan: its actions, oldest due first.</summary>
public sealed record FamilyPlanView(
    Guid CaseId,
    Guid HouseholdId,
    string? HouseholdName,
    string Scheme,
    string CaseStatus,
    DateOnly CaseStartDate,
    bool CanAddActions,
    IReadOnlyList<PlanActionView> Actions);

/// <summary>One action of the plan, with where it stands today and whether the reader may complete it.</summary>
public sealed record PlanActionView(
    Guid Id,
    Guid CaseId,
    string Description,
    string? Need,
    Guid? ForPersonId,
    string? ForPersonName,
    string OwnerAgency,
    Guid? AssignedTo,
    string? AssignedToName,
    DateOnly DueOn,
    string Status,
    DateOnly? CompletedOn,
    string? Note,
    int Version,
    bool CanComplete);
